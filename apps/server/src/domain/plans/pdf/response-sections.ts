import {
  defaultTrainingModules,
  planSectionLabels,
  trainingAudiences,
  type LonLat,
  type TrainingAudience,
} from '@safeschools/domain';
import type { PdfContext } from './pdf-context.js';
import type { PdfBlock, PdfSection } from './pdf-document.js';
import { audienceLabels, hazardLabels, pdfLabels as l, serviceLabels } from './pdf-labels.js';
import { layoutPlanMap } from './plan-map.js';

export function emergencyContactsSection(c: PdfContext): PdfSection {
  const contacts = c.plan.content.emergencyContacts;
  const blocks = c.orNone(contacts.length, () => [
    {
      kind: 'table',
      widths: [1.6, 2.6, 1.4],
      header: [c.say(l.service), c.say(l.name), c.say(l.phone)],
      rows: contacts.map((contact) => [
        c.say(serviceLabels[contact.service]),
        contact.name,
        { text: contact.phone, strong: true },
      ]),
    },
  ]);
  return { title: c.say(planSectionLabels.emergencyContacts), blocks };
}

/**
 * Routes (R1, R2, ...), assembly points (A1, ...) and located hazard findings (H1, ...) on one schematic map,
 * with tables giving each label's full name, so the map stays legible when names are long.
 */
export function evacuationSection(c: PdfContext): PdfSection {
  const { evacuationRoutes: routes, assemblyPoints: points, hazardAssessment: a } = c.plan.content;
  const located = [...a.vulnerableSpots, ...a.outsideCampus, ...a.nonStructural, ...a.structural].flatMap((finding) =>
    finding.location ? [{ description: finding.description, point: finding.location }] : [],
  );
  const map = layoutPlanMap({
    routes: routes.map((route, i) => ({ label: `R${i + 1}`, coordinates: route.coordinates })),
    assemblyPoints: points.map((point, i) => ({ label: `A${i + 1} ${point.name}`, point: point.point })),
    hazards: located.map((finding, i) => ({ label: `H${i + 1}`, point: finding.point })),
  });
  const blocks: PdfBlock[] = map
    ? [
        { kind: 'map', map, legend: { route: c.say(l.route), assemblyPoint: c.say(l.assemblyPoint), hazard: c.say(l.hazard) } },
        { kind: 'note', text: c.say(l.mapNote) },
      ]
    : [{ kind: 'note', text: c.say(l.noCoordinates) }];
  blocks.push(
    { kind: 'heading', text: c.say(planSectionLabels.evacuationRoutes) },
    ...c.orNone(routes.length, () => [
      {
        kind: 'table',
        widths: [0.5, 4, 0.8],
        header: ['', c.say(l.route), c.say(l.points)],
        rows: routes.map((route, i) => [{ text: `R${i + 1}`, strong: true }, route.name, String(route.coordinates.length)]),
      },
    ]),
    { kind: 'heading', text: c.say(planSectionLabels.assemblyPoints) },
    ...c.orNone(points.length, () => [
      {
        kind: 'table',
        widths: [0.5, 3, 1, 2],
        header: ['', c.say(l.name), c.say(l.capacity), c.say(l.coordinates)],
        rows: points.map((point, i) => [
          { text: `A${i + 1}`, strong: true },
          point.name,
          point.capacity === undefined ? '' : String(point.capacity),
          lonLat(point.point),
        ]),
      },
    ]),
  );
  if (located.length > 0) {
    blocks.push({
      kind: 'table',
      widths: [0.5, 5],
      header: ['', c.say(l.vulnerableSpots)],
      rows: located.map((f, i) => [{ text: `H${i + 1}`, strong: true }, f.description]),
    });
  }
  return { title: c.say(l.routesAndPoints), blocks };
}

/** Latitude first, as phones and GPS units show it, so a reader can type it in. */
function lonLat([lon, lat]: LonLat): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

export function resourcesSection(c: PdfContext): PdfSection {
  const resources = c.plan.content.resources;
  const blocks = c.orNone(resources.length, () => [
    {
      kind: 'table',
      widths: [3, 1, 2.4],
      header: [c.say(l.item), c.say(l.quantity), c.say(l.location)],
      rows: resources.map((r) => [r.item, String(r.quantity), r.location]),
    },
  ]);
  return { title: c.say(planSectionLabels.resources), blocks };
}

export function trainingPlanSection(c: PdfContext): PdfSection {
  const training = c.plan.content.trainingPlan;
  const moduleTitle = (id: string): string => {
    const known = defaultTrainingModules.find((m) => m.id === id);
    return known ? c.say(known.title) : id;
  };
  const audience = (value: string): string =>
    (trainingAudiences as readonly string[]).includes(value) ? c.say(audienceLabels[value as TrainingAudience]) : value;
  const blocks = c.orNone(training.length, () => [
    {
      kind: 'table',
      widths: [3.4, 1.6, 1.4],
      header: [c.say(l.module), c.say(l.audience), c.say(l.plannedOn)],
      rows: training.map((t) => [moduleTitle(t.moduleId), audience(t.audience), c.date(t.plannedOn)]),
    },
  ]);
  return { title: c.say(planSectionLabels.trainingPlan), blocks };
}

export function drillScheduleSection(c: PdfContext): PdfSection {
  const drills = [...c.plan.content.drillSchedule].sort((x, y) => x.plannedOn.localeCompare(y.plannedOn));
  const blocks = c.orNone(drills.length, () => [
    {
      kind: 'table',
      widths: [2, 2],
      header: [c.say(l.plannedOn), c.say(l.hazard)],
      rows: drills.map((d) => [c.date(d.plannedOn), c.say(hazardLabels[d.hazard])]),
    },
  ]);
  return { title: c.say(planSectionLabels.drillSchedule), blocks };
}
