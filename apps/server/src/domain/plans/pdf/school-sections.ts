import { planSectionLabels } from '@safeschools/domain';
import type { PdfContext } from './pdf-context.js';
import type { PdfBlock, PdfSection } from './pdf-document.js';
import { hazardLabels, pdfLabels as l, positionLabels } from './pdf-labels.js';

/** Annexure 8 part 1: who the school is. A head count no one recorded prints as "not recorded", never as 0. */
export function profileSection(c: PdfContext, schoolName: string): PdfSection {
  const p = c.plan.content.profile;
  const count = (n: number | null): string => (n === null ? c.say(l.notRecorded) : String(n));
  const { girls, boys, other } = p.students;
  const students =
    girls === null && boys === null && other === null
      ? c.say(l.notRecorded)
      : `${count(girls)} / ${count(boys)} / ${count(other)}`;
  const rows: [string, string][] = [
    [c.say(l.name), schoolName],
    ...(p.udiseCode ? [[c.say(l.udiseCode), p.udiseCode] as [string, string]] : []),
    [c.say(l.address), p.address],
    [c.say(l.students), students],
    [c.say(l.specialNeeds), count(p.childrenWithSpecialNeeds)],
    [c.say(l.teachers), count(p.teachers)],
    [c.say(l.nonTeachingStaff), String(p.nonTeachingStaff)],
    [c.say(l.buildings), String(p.buildings)],
    [c.say(l.buses), p.buses.length === 0 ? '0' : p.buses.map((bus) => bus.registration).join(', ')],
  ];
  return { title: c.say(planSectionLabels.profile), blocks: [{ kind: 'fields', rows }] };
}

/** Annexure 8 part 2: what can go wrong, inside and outside the campus. */
export function hazardAssessmentSection(c: PdfContext): PdfSection {
  const a = c.plan.content.hazardAssessment;
  const part = (title: string, count: number, block: () => PdfBlock): PdfBlock[] => [
    { kind: 'heading', text: title },
    ...c.orNone(count, () => [block()]),
  ];
  const blocks: PdfBlock[] = [
    ...part(c.say(l.nonStructural), a.nonStructural.length, () => ({
      kind: 'table',
      widths: [4, 1],
      header: [c.say(l.finding), c.say(l.assessedBy)],
      rows: a.nonStructural.map((f) => [f.description, c.say(f.assessedBy === 'teachers' ? l.byTeachers : l.byStudents)]),
    })),
    ...part(c.say(l.structural), a.structural.length, () => ({
      kind: 'table',
      widths: [4, 1.4],
      header: [c.say(l.finding), c.say(l.engineer)],
      rows: a.structural.map((f) => [f.description, f.engineer]),
    })),
    ...part(c.say(l.outsideCampus), a.outsideCampus.length, () => ({
      kind: 'table',
      widths: [1.2, 4],
      header: [c.say(l.hazard), c.say(l.description)],
      rows: a.outsideCampus.map((f) => [c.say(hazardLabels[f.hazard]), f.description]),
    })),
    ...part(c.say(l.pastIncidents), a.pastIncidents.length, () => ({
      kind: 'table',
      widths: [1.2, 1.2, 4],
      header: [c.say(l.date), c.say(l.hazard), c.say(l.description)],
      rows: a.pastIncidents.map((i) => [c.date(i.on), c.say(hazardLabels[i.hazard]), i.description]),
    })),
    ...part(c.say(l.vulnerableSpots), a.vulnerableSpots.length, () => ({
      kind: 'steps',
      items: a.vulnerableSpots.map((f) => f.description),
    })),
  ];
  return { title: c.say(planSectionLabels.hazardAssessment), blocks };
}

/** Annexure 8 part 3: the School Disaster Management Committee, core team members marked. */
export function committeeSection(c: PdfContext): PdfSection {
  const committee = c.plan.content.committee;
  const blocks = c.orNone(committee.length, () => [
    {
      kind: 'table',
      widths: [2.2, 1.2, 2, 1.7, 0.9],
      header: [c.say(l.member), c.say(l.position), c.say(l.role), c.say(l.phone), c.say(l.coreTeam)],
      rows: committee.map((entry) => {
        const m = c.member(entry.member);
        return [m.name, c.say(positionLabels[entry.position]), m.role, m.phone, entry.inCoreTeam ? c.say(l.yes) : ''];
      }),
    },
  ]);
  return { title: c.say(planSectionLabels.committee), blocks };
}
