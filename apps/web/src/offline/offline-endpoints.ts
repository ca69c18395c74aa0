import { recordDrill, recordTrainingSession, updateCorrectiveAction } from '@safeschools/contract';

/**
 * The writes a focal point makes in the field, which may wait on the device for a connection. Only these can
 * be queued: each is idempotent on the server and carries the version or client id it was based on.
 */
export const offlineEndpoints = { recordDrill, recordTrainingSession, updateCorrectiveAction } as const;

export type OfflineEndpointId = keyof typeof offlineEndpoints;
export type OfflineEndpoint<K extends OfflineEndpointId> = (typeof offlineEndpoints)[K];
