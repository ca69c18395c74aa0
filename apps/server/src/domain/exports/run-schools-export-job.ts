import { PassThrough } from 'node:stream';
import { uuidv7 } from 'uuidv7';
import type { Database } from '../../db/database.js';
import { insertFile } from '../../db/files/files.repository.js';
import { insertAudit } from '../../db/audit/audit.repository.js';
import { findUserById } from '../../db/users/users.repository.js';
import type { ExportFilter } from '../../db/exports/schools-export.repository.js';
import type { FileStorage } from '../../files/file-storage.js';
import type { JobContext } from '../../jobs/job-queue.js';
import { actorOfUser } from '../auth/actor-of-user.js';
import { AppError } from '../shared/app-error.js';
import { countExportSchools } from '../../db/exports/schools-export.repository.js';
import { exportContentTypes, writeSchoolsExport, type ExportFormat } from './write-schools-export.js';

export interface SchoolsExportPayload {
  userId: string;
  filter: ExportFilter;
  format: ExportFormat;
}

/** Large exports finish into a stored file owned by the requester, downloadable at /api/v1/files/{id}/content. */
export async function runSchoolsExportJob(
  deps: { database: Database; storage: FileStorage; maxBytes: number },
  payload: SchoolsExportPayload,
  job: Pick<JobContext, 'progress' | 'signal' | 'atCompletion'>,
): Promise<{ fileId: string; rows: number }> {
  const { database, storage } = deps;
  const user = await findUserById(database.db, payload.userId);
  if (!user) throw new AppError('NOT_FOUND', 'The user who asked for this export no longer exists.');
  // The scope is read now, not when the job was queued: rights taken away meanwhile are not exported.
  const actor = actorOfUser(user, 'system');
  const total = await countExportSchools(database, database.db, actor.scope, payload.filter);
  const id = uuidv7();
  const key = `exports/${id}`;
  const { type, extension } = exportContentTypes[payload.format];
  const stream = new PassThrough();
  const stored = storage.put(key, stream, { contentType: type, maxBytes: deps.maxBytes });
  const written = writeSchoolsExport(database, actor.scope, payload.filter, payload.format, stream, (rows) => job.progress(total ? rows / total : null, `${rows} / ${total}`), job.signal).catch(
    (error: unknown) => {
      stream.destroy(error as Error);
      throw error;
    },
  );
  const [{ rows }, object] = await Promise.all([written, stored]);
  const now = new Date();
  // Written with the job's completion, not before it: a kill in between would leave a file no finished job has.
  job.atCompletion(async (tx) => {
    await insertFile(tx, { id, name: `schools.${extension}`, contentType: type.split(';')[0]!, size: object.size, sha256: object.sha256, storageKey: key, ownerId: user.id, createdAt: now });
    await insertAudit(tx, { id: uuidv7(), at: now, actorId: user.id, action: 'export.schools', entity: 'file', entityId: id, details: { rows, format: payload.format } });
  });
  return { fileId: id, rows };
}
