import type { Channels } from './channels/channel.js';
import type { Config } from './config/config.js';
import type { Database } from './db/database.js';
import type { ImpactEngine } from './domain/events/impact-engine.js';
import type { FileStorage } from './files/file-storage.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { Metrics } from './ops/metrics.js';

/** Long-lived parts the HTTP layer and jobs are built from; made once at start-up by `start-server.ts`. */
export interface Services {
  readonly config: Config;
  readonly database: Database;
  readonly storage: FileStorage;
  readonly jobs: JobQueue;
  readonly metrics: Metrics;
  /** The in-memory school index hazard impacts are computed on; rebuilt when the registry changes. */
  readonly impactEngine: ImpactEngine;
  /** The alerting channel adapters (null per channel when not configured) and their rate limiters. */
  readonly channels: Channels;
  readonly startedAt: Date;
  readonly version: string;
}
