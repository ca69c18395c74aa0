import type { ResponseOf, listInstruments } from '@safeschools/contract';

type Summary = ResponseOf<typeof listInstruments>['items'][number];

function latest(list: Summary[]): Summary | undefined {
  return list.reduce<Summary | undefined>((best, i) => (!best || i.version > best.version ? i : best), undefined);
}

/** The built-in instrument's latest version; a country's own one only when there is no built-in one. */
export function chooseInstrument(items: Summary[]): Summary | undefined {
  return latest(items.filter((i) => i.builtIn)) ?? latest(items);
}
