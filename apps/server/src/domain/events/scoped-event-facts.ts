import type { Scope } from '@safeschools/domain';
import type { EventRow } from '../../db/events/events.repository.js';

type EventWarning = EventRow['warnings'][number];

/**
 * Warnings the geo engine draws from the whole registry rather than from the hazard, each with a national count:
 * the school index (SCHOOL_COORDINATES_INVALID), the typology mapping (TYPOLOGY_UNMAPPED, per typology) and the
 * area roll-up (SCHOOLS_WITHOUT_AREA), in packages/geo. A viewer scoped to some areas or schools gets the same
 * code, so the web app still explains it, with a sentence that names no count.
 */
const REGISTRY_WIDE: Readonly<Record<string, string>> = {
  SCHOOL_COORDINATES_INVALID: 'Some schools in the registry have no valid coordinates; they are left out of every result.',
  TYPOLOGY_UNMAPPED: 'Some building types in the registry match no fragility function; the default function was used for them.',
  SCHOOLS_WITHOUT_AREA: 'Some schools in the registry belong to no area; they count in the national totals only.',
};

/**
 * An event's details and warnings as this viewer may see them. They are stored as computed, over every school in
 * the registry; someone scoped to some areas or schools must not learn national counts from them (the engine's
 * school count in `details.engine`, the counts in registry-wide warnings), as their totals are re-counted within
 * their scope (see viewsOf). Warnings about the hazard file itself stay as they are.
 */
export function scopedEventFacts(row: EventRow, scope: Scope): { details: Record<string, unknown>; warnings: EventWarning[] } {
  if (scope.kind === 'all') return { details: row.details, warnings: row.warnings };
  const { engine, ...details } = row.details;
  const computeMs = (engine as { computeMs?: unknown } | null | undefined)?.computeMs;
  return {
    details: { ...details, ...(engine === undefined ? {} : { engine: typeof computeMs === 'number' ? { computeMs } : null }) },
    warnings: row.warnings.map((w) =>
      Object.hasOwn(REGISTRY_WIDE, w.code) ? { code: w.code, message: REGISTRY_WIDE[w.code]! } : w,
    ),
  };
}
