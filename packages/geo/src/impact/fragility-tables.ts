import type { FragilityTable } from '../fragility/fragility-table.js';
import type { FragilitySet } from '../fragility/fragility-types.js';
import { tabulateCached } from './impact-kernels.js';

/**
 * Per typology entry: offset of its fragility table in `tableValues` (-1: not assessed), whether the table is
 * logarithmic, and which intensity array (slot) it reads.
 */
export interface Tables {
  typoOffset: Int32Array;
  typoLog: Uint8Array;
  typoIm: Uint8Array;
  tableValues: Float32Array;
}

/**
 * Tabulates only the functions some typology uses, packed into one array. `slotOf(f)` gives the intensity slot
 * function f reads, or -1 when the hazard cannot give its measure (those typologies stay unassessed); it is
 * called once per typology entry, in order.
 */
export function buildTables(set: FragilitySet, fnOf: Int32Array, typologyCount: number, states: number, slotOf: (f: number) => number): Tables {
  const typoOffset = new Int32Array(typologyCount).fill(-1);
  const typoLog = new Uint8Array(typologyCount);
  const typoIm = new Uint8Array(typologyCount);
  const tables = new Map<number, { offset: number; table: FragilityTable }>();
  let size = 0;
  for (let t = 0; t < typologyCount; t++) {
    const f = fnOf[t] as number;
    const fn = set.functions[f];
    if (!fn) continue;
    const slot = slotOf(f);
    if (slot < 0) continue;
    let entry = tables.get(f);
    if (!entry) {
      entry = { offset: size, table: tabulateCached(fn, states) };
      size += entry.table.values.length;
      tables.set(f, entry);
    }
    typoOffset[t] = entry.offset;
    typoLog[t] = entry.table.log ? 1 : 0;
    typoIm[t] = slot;
  }
  const tableValues = new Float32Array(size);
  for (const { offset, table } of tables.values()) tableValues.set(table.values, offset);
  return { typoOffset, typoLog, typoIm, tableValues };
}
