import { ApiError, getInstrument } from '@safeschools/contract';
import { parseInstrument, type InstrumentDefinition } from '@safeschools/domain';
import { api } from '../../api/client';

/** Thrown for a definition the domain's own checks refuse, so the page never renders half an instrument. */
export class InstrumentUnreadable extends Error {}

const cacheKey = (id: string, version: number | undefined) => `safeschools.instrument.${id}.${version ?? 'latest'}`;

function cached(id: string, version: number | undefined): unknown {
  try {
    const text = localStorage.getItem(cacheKey(id, version));
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

function remember(id: string, version: number | undefined, data: unknown): void {
  try {
    localStorage.setItem(cacheKey(id, version), JSON.stringify(data));
  } catch {
    // A full or disabled storage only costs the offline copy.
  }
}

/**
 * One instrument version, checked with the same rules the server applied when it was loaded. A version never
 * changes once stored, so the copy kept from an earlier visit lets a draft open while the network is down.
 */
export async function loadInstrument(id: string, version: number | undefined, signal: AbortSignal): Promise<InstrumentDefinition> {
  let data: unknown;
  try {
    data = await api(getInstrument, { params: { id }, query: version === undefined ? {} : { version }, signal });
    if (version !== undefined) remember(id, version, data);
  } catch (error) {
    data = error instanceof ApiError && error.code === 'NETWORK_ERROR' ? cached(id, version) : null;
    if (!data) throw error;
  }
  const parsed = parseInstrument(data);
  if (!parsed.ok) throw new InstrumentUnreadable(parsed.problems.map((p) => p.message).join('; '));
  return parsed.def;
}
