import { uuidv7 } from 'uuidv7';
import type { ReportBuilder } from './fault-report.js';
import type { Query } from './scenario-database.js';
import type { SeededRandom } from './seeded-random.js';

/** A drill record as a focal point's phone makes it offline: a client-made id, kept with its Idempotency-Key. */
export interface DrillWrite {
  key: string;
  body: {
    id: string;
    hazard: string;
    scenario: string;
    startedAt: string;
    participants: {
      girls: number;
      boys: number;
      otherChildren: number;
      childrenWithSpecialNeeds: number;
      teachers: number;
      staff: number;
    };
    observers: { organisation: string; count: number }[];
    times: { classroomsOutSeconds: number; assemblyPointSeconds: number; headcountCompleteSeconds: number };
    missingPersons: number;
    whatWentWrong: string[];
    correctiveActions: never[];
  };
}

const hazards = ['earthquake', 'fire', 'flood', 'cyclone'];

export function makeDrillWrite(random: SeededRandom, round: number, index: number): DrillWrite {
  const day = String(1 + (index % 28)).padStart(2, '0');
  const month = String(1 + (round % 12)).padStart(2, '0');
  // Each stage ends after the one before it, as the domain requires.
  const out = random.int(20, 120);
  const assembly = out + random.int(30, 200);
  return {
    key: `fault-${uuidv7()}`,
    body: {
      id: uuidv7(),
      hazard: random.pick(hazards),
      scenario: `Fault drill ${round}.${index}: ${random.int(1, 1_000_000)}`,
      startedAt: `2025-${month}-${day}T${String(8 + (index % 8)).padStart(2, '0')}:${String(index % 60).padStart(2, '0')}:00+05:30`,
      participants: {
        girls: random.int(0, 400),
        boys: random.int(0, 400),
        otherChildren: random.int(0, 5),
        childrenWithSpecialNeeds: random.int(0, 10),
        teachers: random.int(1, 30),
        staff: random.int(0, 10),
      },
      observers: [],
      times: {
        classroomsOutSeconds: out,
        assemblyPointSeconds: assembly,
        headcountCompleteSeconds: assembly + random.int(30, 200),
      },
      missingPersons: 0,
      whatWentWrong: random.next() < 0.3 ? ['The bell was not heard in the far block'] : [],
      correctiveActions: [],
    },
  };
}

/** JSON with the keys of every object sorted, since jsonb keeps its own key order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The parts of a record the server must keep exactly as sent. */
const kept = (b: DrillWrite['body']) =>
  canonical([b.id, b.hazard, b.scenario, b.startedAt, b.participants, b.observers, b.times, b.missingPersons, b.whatWentWrong]);

/**
 * In the end: every drill written (and replayed) is in the database exactly once, as it was sent, recorded once in
 * the audit log, and its key's stored answer is its own; there is no other drill.
 */
export async function checkDrillsAtTheEnd(
  q: Query,
  report: ReportBuilder,
  writes: readonly DrillWrite[],
  focalEmail: string,
): Promise<void> {
  const rows = await q<{ id: string; version: number; record: DrillWrite['body'] }>(
    'SELECT id::text AS id, version, record FROM drills',
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const audits = new Map(
    (
      await q<{ id: string; n: number }>(
        "SELECT entity_id AS id, count(*)::int AS n FROM audit_log WHERE action = 'drill.record' GROUP BY entity_id",
      )
    ).map((a) => [a.id, a.n]),
  );
  const keys = new Map(
    (
      await q<{ key: string; status_code: number; drill: string | null }>(
        `SELECT k.key, k.status_code, k.response->>'id' AS drill
           FROM idempotency_keys k JOIN users u ON u.id = k.actor_id WHERE u.email = $1`,
        [focalEmail],
      )
    ).map((k) => [k.key, k]),
  );
  let lost = 0;
  let wrong = 0;
  const examples: string[] = [];
  for (const w of writes) {
    report.checked += 1;
    const row = byId.get(w.body.id);
    byId.delete(w.body.id);
    if (!row) {
      lost += 1;
      if (examples.length < 5) examples.push(`${w.body.id} missing`);
      continue;
    }
    if (row.version !== 1 || kept(row.record) !== kept(w.body)) {
      wrong += 1;
      if (examples.length < 5)
        examples.push(`${w.body.id} is version ${row.version}: ${JSON.stringify(row.record).slice(0, 200)}`);
    }
    const audited = audits.get(w.body.id) ?? 0;
    if (audited !== 1)
      report.problem(
        audited > 1 ? 'duplicated' : 'lost',
        `drill ${w.body.id} was audited ${audited} times`,
        Math.max(1, audited - 1),
      );
    const key = keys.get(w.key);
    if (!key || key.status_code !== 201 || key.drill !== w.body.id) {
      report.problem(
        'half-written',
        `drill ${w.body.id}: its key ${w.key} has ${key ? `the answer ${key.status_code} for drill ${key.drill}` : 'no stored answer'}`,
      );
    }
  }
  if (lost) report.problem('lost', `${lost} of ${writes.length} drills are not in the database (${examples.join('; ')})`, lost);
  if (wrong) report.problem('half-written', `${wrong} drills differ from what was sent (${examples.join('; ')})`, wrong);
  if (byId.size)
    report.problem(
      'duplicated',
      `${byId.size} drills in the database were never sent: ${[...byId.keys()].slice(0, 5).join(', ')}`,
      byId.size,
    );
}
