import { z } from 'zod';
import { endpoint } from './endpoint.js';

export const ExportFormat = z.enum(['csv', 'hxl', 'xlsx', 'geojson']);

export const ExportQuery = z.object({
  format: ExportFormat.default('csv'),
  q: z.string().max(200).optional(),
  area: z.uuid().optional(),
  /** Stream at once up to this many schools; more becomes a job (202) whose result is a file to download. */
  async: z.enum(['auto', 'always']).default('auto'),
});

export const ExportJobStarted = z.object({
  jobId: z.uuid(),
  /** Poll this for progress; the finished job's result holds `fileId`, downloadable at /api/v1/files/{fileId}/content. */
  statusUrl: z.string(),
});

/**
 * The registry within one's scope (optionally filtered) as CSV, CSV with an HXL hashtag row, XLSX or GeoJSON.
 * Small exports stream as the response (200); large ones run as a job (202) so nothing times out.
 */
export const exportSchools = endpoint({
  id: 'exportSchools',
  method: 'GET',
  path: '/api/v1/exports/schools',
  summary: 'Export the registry (filtered, within scope) as CSV, HXL, XLSX or GeoJSON',
  tag: 'exports',
  query: ExportQuery,
  response: z.unknown(),
  auth: 'user',
});
