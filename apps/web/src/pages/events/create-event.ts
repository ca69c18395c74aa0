import { createEvent, endpoint, ScenarioInput } from '@safeschools/contract';
import { api } from '../../api/client';
import { postMultipart, type MultipartFields } from '../../api/post-multipart';
import type { HazardEvent } from './types';

export interface HazardUpload {
  file: File;
  title: string;
  track: string;
  intensityProperty: string;
}

export interface ScenarioRequest {
  title: string;
  lon: number;
  lat: number;
  depthKm: number;
  magnitude: number;
}

/** Text fields first and the file last: the server reads the fields before it takes the file. Blanks are left out. */
export function hazardFields({ file, ...text }: HazardUpload): MultipartFields {
  const fields: [string, string | Blob][] = [];
  for (const name of ['title', 'track', 'intensityProperty'] as const) {
    const value = text[name].trim();
    if (value) fields.push([name, value]);
  }
  fields.push(['file', file]);
  return fields;
}

// The contract's createEvent takes two bodies (multipart or JSON), so it declares none; this view of it
// types the JSON one for the client.
const createScenario = endpoint({ ...createEvent, body: ScenarioInput });

export function uploadHazard(upload: HazardUpload): Promise<HazardEvent> {
  return postMultipart(createEvent, hazardFields(upload));
}

export function createScenarioEvent({ title, ...rest }: ScenarioRequest): Promise<HazardEvent> {
  return api(createScenario, { body: { kind: 'scenario', ...rest, ...(title.trim() ? { title: title.trim() } : {}) } });
}
