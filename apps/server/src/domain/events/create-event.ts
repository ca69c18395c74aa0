import { Readable } from 'node:stream';
import { findEventByKeys } from '../../db/events/events.repository.js';
import type { FileStorage } from '../../files/file-storage.js';
import { sniffFileType } from '../files/sniff-file-type.js';
import { uploadFile } from '../files/upload-file.js';
import { AppError } from '../shared/app-error.js';
import type { AuditTrail } from '../shared/audit.js';
import { requirePermission, type Ctx } from '../shared/context.js';
import type { JobQueue } from '../../jobs/job-queue.js';
import type { ImpactEngine } from './impact-engine.js';
import { ingestHazard, type IngestResult } from './ingest-hazard.js';
import { readHazardFile, type HazardFileOptions } from './read-hazard-file.js';
import { scenarioHazard, type ScenarioParams } from './scenario-hazard.js';

/**
 * An event from an uploaded hazard file. The file is read first; only a file that reads is kept (as the event's
 * source, for later recomputation and download), so a refused upload leaves nothing behind.
 */
export async function createEventFromFile(
  ctx: Ctx & { trail: AuditTrail },
  engine: ImpactEngine,
  storage: FileStorage,
  upload: { fileName: string; mimeType: string; bytes: Uint8Array; maxBytes: number },
  options: HazardFileOptions,
  jobs: JobQueue | null,
): Promise<IngestResult> {
  const actor = requirePermission(ctx, 'events.write');
  const parsed = readHazardFile(upload.bytes, upload.fileName, options);
  // Known already, or a Cancel (which carries no hazard to keep): no copy of the file is kept.
  if (parsed.cancels || (await findEventByKeys(ctx.database.db, [parsed.sourceKey]))) return ingestHazard(ctx, engine, parsed, { jobs });
  const type = sniffFileType(upload.bytes.subarray(0, 4096), upload.mimeType, upload.fileName);
  if (!type) throw new AppError('HAZARD_FILE_UNSUPPORTED', 'The file type is not accepted.');
  const file = await uploadFile(ctx, storage, { name: upload.fileName, contentType: type.contentType, body: Readable.from([upload.bytes]), maxBytes: upload.maxBytes });
  return ingestHazard(ctx, engine, parsed, { fileId: file.id, createdBy: actor.via === 'system' ? null : actor.userId, jobs });
}

export async function createScenarioEvent(ctx: Ctx & { trail: AuditTrail }, engine: ImpactEngine, params: ScenarioParams, jobs: JobQueue | null): Promise<IngestResult> {
  const actor = requirePermission(ctx, 'events.write');
  return ingestHazard(ctx, engine, scenarioHazard(params), { createdBy: actor.via === 'system' ? null : actor.userId, jobs });
}
