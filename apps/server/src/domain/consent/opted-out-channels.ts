import { optOutsOfAddresses } from '../../db/consent/opt-outs.repository.js';
import type { Executor } from '../../db/database.js';
import { optOutAddress, type ConsentChannel } from './opt-out-address.js';

/**
 * For each address asked about (e-mails in any case, E.164 numbers), the channels it is opted out of, keyed by the
 * address as stored (e-mail lower-cased). Addresses with no opt-out are absent. One query for the whole list, so
 * a fan-out can ask for a batch at once.
 */
export async function optedOutChannels(on: Executor, addresses: readonly string[]): Promise<Map<string, Set<ConsentChannel>>> {
  const keys = addresses.map((a) => (a.includes('@') ? optOutAddress('email', a) : optOutAddress('sms', a)));
  const out = new Map<string, Set<ConsentChannel>>();
  for (const row of await optOutsOfAddresses(on, keys)) {
    const set = out.get(row.address) ?? new Set<ConsentChannel>();
    set.add(row.channel as ConsentChannel);
    out.set(row.address, set);
  }
  return out;
}
