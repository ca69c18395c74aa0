import { planSectionLabels, sopKindLabels, taskForceLabels, type TaskForce } from '@safeschools/domain';
import type { PdfContext } from './pdf-context.js';
import type { PdfBlock, PdfSection } from './pdf-document.js';
import { hazardLabels, pdfLabels as l } from './pdf-labels.js';

/** Annexure 8 part 4: each task force with its members (leader in bold and marked) and its duties. */
export function taskForcesSection(c: PdfContext): PdfSection {
  const taskForces = c.plan.content.taskForces;
  const blocks = c.orNone(taskForces.length, () => taskForces.flatMap((taskForce) => taskForceBlocks(c, taskForce)));
  return { title: c.say(planSectionLabels.taskForces), blocks };
}

function taskForceBlocks(c: PdfContext, taskForce: TaskForce): PdfBlock[] {
  const bus = c.plan.content.profile.buses.find((candidate) => candidate.id === taskForce.busId);
  const name = taskForceName(c, taskForce) + (bus ? ` (${c.say(l.bus)} ${bus.registration})` : '');
  const duties = (title: string, items: readonly string[]) => ({ title, items: items.length > 0 ? items : ['—'] });
  return [
    { kind: 'heading', text: name },
    ...c.orNone(taskForce.members.length, () => [
      {
        kind: 'table',
        widths: [2.4, 2.2, 1.7, 0.9],
        header: [c.say(l.member), c.say(l.role), c.say(l.phone), c.say(l.leader)],
        rows: taskForce.members.map((member) => {
          const m = c.member(member);
          const leader = member.kind === 'adult' && member.isLeader ? { text: c.say(l.leader), strong: true as const } : '';
          return [m.name, m.role, m.phone, leader];
        }),
      },
    ]),
    {
      kind: 'columns',
      columns: [
        duties(c.say(l.before), taskForce.duties.before),
        duties(c.say(l.during), taskForce.duties.during),
        duties(c.say(l.after), taskForce.duties.after),
      ],
    },
  ];
}

function taskForceName(c: PdfContext, taskForce: TaskForce): string {
  if (taskForce.type === 'custom') return taskForce.customName ?? c.say(l.customTaskForce);
  return c.say(taskForceLabels[taskForce.type]);
}

/** Annexure 8 part 5: the standard operating procedures, as numbered steps under hazard and procedure. */
export function sopsSection(c: PdfContext): PdfSection {
  const sops = c.plan.content.sops;
  const blocks = c.orNone(sops.length, () =>
    sops.flatMap((sop): PdfBlock[] => [
      { kind: 'heading', text: c.say(hazardLabels[sop.hazard]) + c.say(l.colon) + c.say(sopKindLabels[sop.kind]) },
      ...c.orNone(sop.steps.length, () => [{ kind: 'steps', items: sop.steps }]),
    ]),
  );
  return { title: c.say(planSectionLabels.sops), blocks };
}
