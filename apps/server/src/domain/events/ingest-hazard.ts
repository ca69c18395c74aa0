import { sql } from 'drizzle-orm';
import { uuidv7 } from 'uuidv7';
import type { GeoWarning, Hazard } from '@safeschools/geo';
import { findEventByKeys, insertEvent, replaceEventSchools, updateEvent, type EventRow, type NewEventRow } from '../../db/events/events.repository.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import { enqueueAlertEvaluation } from '../alerts/alert-jobs.js';
import { AppError } from '../shared/app-error.js';
import { audit, type AuditTrail } from '../shared/audit.js';
import type { Ctx } from '../shared/context.js';
import { figureTotal } from '../shared/figure-total.js';
import { matchEstimate } from './match-estimate.js';
import { assessImpact, type AssessedImpact } from './assess-impact.js';
import { enrolmentAt, type EngineSnapshot, type ImpactEngine } from './impact-engine.js';
import type { ParsedHazard } from './parsed-hazard.js';
import { resolveGeocodes } from './resolve-geocodes.js';

export interface IngestResult {
  event: EventRow;
  /** created: a new event; updated: an earlier event changed; duplicate: this delivery was already ingested. */
  outcome: 'created' | 'updated' | 'cancelled' | 'duplicate';
}

const noSchools = () => figureTotal(0, 0, 0);

function emptyImpact(imt: string): AssessedImpact {
  return {
    imt,
    bands: [],
    limitStates: [],
    affected: { positions: new Uint32Array(0), intensity: new Float32Array(0), band: new Uint8Array(0), damage: new Float32Array(0) },
    totals: { schools: 0, children: noSchools(), girls: noSchools(), boys: noSchools(), expectedByDamageState: [] },
    warnings: [],
    computeMs: 0,
  };
}

function affectedRows(snapshot: EngineSnapshot | null, impact: AssessedImpact) {
  const out = { schoolIds: [] as string[], districtIds: [] as (string | null)[], intensity: [] as number[], band: [] as number[], girls: [] as (number | null)[], boys: [] as (number | null)[], children: [] as (number | null)[], damage: [] as string[] };
  if (!snapshot) return out;
  const { positions, intensity, band, damage } = impact.affected;
  const states = impact.limitStates.length;
  const { areaIdx } = snapshot.index.input;
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k] as number;
    const a = areaIdx[i] as number;
    out.schoolIds.push(snapshot.schoolIds[i] as string);
    out.districtIds.push(a >= 0 ? (snapshot.districtIds[a] as string) : null);
    out.intensity.push(Math.round((intensity[k] as number) * 1000) / 1000);
    out.band.push(band[k] as number);
    const enrolment = enrolmentAt(snapshot, i);
    out.girls.push(enrolment.girls);
    out.boys.push(enrolment.boys);
    out.children.push(enrolment.children);
    const d: string[] = [];
    for (let ls = 0; ls < states; ls++) d.push((Math.round((damage[k * states + ls] as number) * 1e5) / 1e5).toString());
    out.damage.push(`{${d.join(',')}}`);
  }
  return out;
}

/** The same delivery again: nothing changes, but its arrival is recorded. */
async function duplicate(ctx: Ctx & { trail?: AuditTrail }, event: EventRow, sourceKey: string): Promise<IngestResult> {
  const write = async (c: Ctx & { trail?: AuditTrail }) =>
    audit(c, { action: 'event.duplicate', entity: 'hazard_event', entityId: event.id, details: { sourceKey } });
  if (ctx.tx === ctx.database.db) await ctx.database.db.transaction((tx) => write({ ...ctx, tx }));
  else await write(ctx);
  return { event, outcome: 'duplicate' };
}

/**
 * Turns a parsed hazard into an event: the impact is computed first, outside any transaction (the engine reads
 * the registry; PGlite has a single connection), then the event and its affected schools are written in one
 * transaction under an advisory lock on the delivery key, so the same alert sent twice at once is still one
 * event. CAP Update and newer ShakeMap/track versions change their event in place; a CAP Cancel marks it.
 */
export async function ingestHazard(
  ctx: Ctx & { trail?: AuditTrail },
  engine: ImpactEngine,
  parsed: ParsedHazard,
  extra: { fileId?: string | null; createdBy?: string | null; jobs?: JobQueue | null } = {},
): Promise<IngestResult> {
  const known = await findEventByKeys(ctx.database.db, [parsed.sourceKey]);
  if (known) return duplicate(ctx, known, parsed.sourceKey);
  const warnings: GeoWarning[] = [...parsed.warnings];
  let hazard: Hazard | null = parsed.hazard;
  if (!hazard && parsed.geocodes.length > 0) hazard = await resolveGeocodes(ctx.database, parsed.geocodes, warnings);
  let snapshot: EngineSnapshot | null = null;
  let impact = emptyImpact(parsed.seismic ? 'MMI' : 'INSIDE');
  if (hazard && !parsed.cancels) {
    snapshot = await engine.current();
    impact = assessImpact(snapshot, hazard, parsed.seismic);
    warnings.push(...impact.warnings);
  }
  return ctx.database.db.transaction(async (tx) => {
    const txCtx = { ...ctx, tx };
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${parsed.sourceKey}))`);
    const same = await findEventByKeys(tx, [parsed.sourceKey]);
    if (same) return duplicate(txCtx, same, parsed.sourceKey);
    // The event this delivery changes: named by its keys, else (an earthquake) an estimate of the same one.
    const target = (await findEventByKeys(tx, parsed.updates)) ?? (parsed.cancels ? undefined : await matchEstimate(tx, parsed));
    // An estimate never overwrites what a ShakeMap or CAP alert already gave the event.
    if (parsed.estimated && target && !target.estimated) return duplicate(txCtx, target, parsed.sourceKey);
    if (parsed.cancels) {
      if (!target) {
        throw new AppError('EVENT_REFERENCE_UNKNOWN', 'This CAP Cancel refers to no alert received here, so there is nothing to cancel.');
      }
      const event = await updateEvent(tx, target.id, { status: 'cancelled', sourceKeys: [...target.sourceKeys, parsed.sourceKey] });
      await audit(txCtx, { action: 'event.cancel', entity: 'hazard_event', entityId: event.id, beforeVersion: target.version, afterVersion: event.version, details: { sourceKey: parsed.sourceKey } });
      if (extra.jobs) await enqueueAlertEvaluation(extra.jobs, tx, event.id);
      return { event, outcome: 'cancelled' as const };
    }
    if (parsed.updates.length > 0 && !target && parsed.kind === 'cap') {
      warnings.push({ code: 'CAP_REFERENCE_UNKNOWN', message: 'This alert updates one not received here; it was recorded as a new event.' });
    }
    const fields: Omit<NewEventRow, 'id'> = {
      kind: parsed.kind,
      estimated: parsed.estimated ?? false,
      sourceKeys: [...new Set([...(target?.sourceKeys ?? []), parsed.sourceKey, ...parsed.familyKeys])],
      title: parsed.title,
      status: parsed.status,
      hazardType: parsed.hazardType,
      severity: parsed.severity,
      urgency: parsed.urgency,
      certainty: parsed.certainty,
      onset: parsed.onset,
      expires: parsed.expires,
      imt: impact.imt,
      bands: impact.bands,
      limitStates: impact.limitStates,
      details: { ...parsed.details, engine: snapshot ? { schools: snapshot.index.size, computeMs: Math.round(impact.computeMs * 10) / 10 } : null },
      display: parsed.display as unknown as Record<string, unknown>,
      summary: impact.totals as unknown as Record<string, unknown>,
      warnings,
      fileId: extra.fileId ?? target?.fileId ?? null,
      registrySeq: snapshot ? Number(snapshot.stamp.split(':')[0]) : 0,
      computedAt: ctx.now,
    };
    const event = target ? await updateEvent(tx, target.id, fields) : await insertEvent(tx, { id: uuidv7(), createdBy: extra.createdBy ?? null, ...fields });
    if (snapshot || target) await replaceEventSchools(tx, event.id, affectedRows(snapshot, impact));
    await audit(txCtx, {
      action: target ? 'event.update' : 'event.create',
      entity: 'hazard_event',
      entityId: event.id,
      beforeVersion: target?.version ?? null,
      afterVersion: event.version,
      details: { kind: parsed.kind, sourceKey: parsed.sourceKey, affectedSchools: impact.totals.schools },
    });
    // Alert rules are weighed in a job written with the event, so a new event or a raised band is never missed.
    if (extra.jobs) await enqueueAlertEvaluation(extra.jobs, tx, event.id);
    return { event, outcome: target ? ('updated' as const) : ('created' as const) };
  });
}
