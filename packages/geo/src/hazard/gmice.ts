// Worden, Gerstenberger, Rhoades & Wald (2012), "Probabilistic relationships between ground-motion parameters
// and Modified Mercalli intensity in California", BSSA 102(1), 204-221, eq. 3 and Table 1 (PGA in cm/s²):
//   MMI = c1 + c2 log10(PGA) for log10(PGA) <= t1, else c3 + c4 log10(PGA);
//   c1 = 1.78, c2 = 1.55, c3 = -1.60, c4 = 3.70, t1 = 1.57, t2 = c1 + c2 t1 = 4.22.
const C1 = 1.78;
const C2 = 1.55;
const C3 = -1.6;
const C4 = 3.7;
const T2 = 4.22;
const G_CMS2 = 980.665;

/** PGA (g) implied by an MMI, by inverting WGRW12; used when a hazard gives only MMI and fragility needs PGA. */
export function mmiToPgaG(mmi: number): number {
  if (!Number.isFinite(mmi)) return Number.NaN;
  const logPga = mmi <= T2 ? (mmi - C1) / C2 : (mmi - C3) / C4;
  return 10 ** logPga / G_CMS2;
}

export function pgaGToMmi(pgaG: number): number {
  const logPga = Math.log10(pgaG * G_CMS2);
  return logPga <= 1.57 ? C1 + C2 * logPga : C3 + C4 * logPga;
}
