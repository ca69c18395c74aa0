import { getInstrument } from '@safeschools/contract';
import { parseInstrument, type InstrumentDefinition } from '@safeschools/domain';
import { api } from '../../api/client';

/** Thrown for a definition the domain's own checks refuse, so the page never renders half an instrument. */
export class InstrumentUnreadable extends Error {}

/** One instrument version, checked with the same rules the server applied when it was loaded. */
export async function loadInstrument(id: string, version: number | undefined, signal: AbortSignal): Promise<InstrumentDefinition> {
  const data = await api(getInstrument, { params: { id }, query: version === undefined ? {} : { version }, signal });
  const parsed = parseInstrument(data);
  if (!parsed.ok) throw new InstrumentUnreadable(parsed.problems.map((p) => p.message).join('; '));
  return parsed.def;
}
