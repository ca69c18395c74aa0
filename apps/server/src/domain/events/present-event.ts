import type { EventRow } from '../../db/events/events.repository.js';
import type { ImpactAggregateRow } from '../../db/events/event-impact.repository.js';
import { figureTotal, type FigureTotal } from '../shared/figure-total.js';
import type { ImpactTotals } from './assess-impact.js';

/** Expected schools per damage state from the summed exceedance probabilities of `n` schools. */
export function expectedFromSums(n: number, row: ImpactAggregateRow, states: number): number[] {
  if (states === 0) return [];
  const p = [n, row.p1, row.p2, row.p3, row.p4, row.p5, row.p6].map(Number);
  const round = (x: number): number => Math.round(x * 100) / 100;
  return Array.from({ length: states + 1 }, (_, ds) => round((p[ds] as number) - (ds < states ? (p[ds + 1] as number) : 0)));
}

/** Children, girls and boys of an aggregate row, each saying how many of its schools have the figure. */
export function enrolmentFrom(row: ImpactAggregateRow): { children: FigureTotal; girls: FigureTotal; boys: FigureTotal } {
  return {
    children: figureTotal(row.children, row.schools_with_children, row.schools),
    girls: figureTotal(row.girls, row.schools_with_girls, row.schools),
    boys: figureTotal(row.boys, row.schools_with_boys, row.schools),
  };
}

export function totalsFrom(row: ImpactAggregateRow | undefined, states: number): ImpactTotals {
  if (!row) {
    const none = figureTotal(0, 0, 0);
    const expectedByDamageState = states ? new Array<number>(states + 1).fill(0) : [];
    return { schools: 0, children: none, girls: none, boys: none, expectedByDamageState };
  }
  const schools = Number(row.schools);
  return { schools, ...enrolmentFrom(row), expectedByDamageState: expectedFromSums(schools, row, states) };
}

export interface EventView {
  row: EventRow;
  totals: ImpactTotals;
  /** The row's details and warnings as the viewer may see them (see scoped-event-facts.ts); never the row's own. */
  details: Record<string, unknown>;
  warnings: EventRow['warnings'];
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function presentEvent({ row, totals, details, warnings }: EventView) {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: iso(row.deletedAt),
    kind: row.kind as 'cap' | 'shakemap' | 'cyclone' | 'footprint' | 'scenario' | 'estimate',
    estimated: row.estimated,
    title: row.title,
    status: row.status as 'actual' | 'exercise' | 'test' | 'scenario' | 'cancelled',
    hazardType: row.hazardType,
    severity: row.severity,
    urgency: row.urgency,
    certainty: row.certainty,
    onset: iso(row.onset),
    expires: iso(row.expires),
    imt: row.imt,
    bands: row.bands,
    limitStates: row.limitStates,
    details,
    totals,
    warnings,
    fileId: row.fileId,
    computedAt: row.computedAt.toISOString(),
  };
}
