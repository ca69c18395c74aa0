// Parametric tropical-cyclone wind profile.
// - Shape: Holland (1980), Mon. Wea. Rev. 108, 1212-1218, scaled to the observed maximum wind:
//   V(r) = Vm [ (Rm/r)^B exp(1 - (Rm/r)^B) ]^0.5 (the cyclostrophic form, exact at r = Rm).
// - B with a central pressure: Holland (2008), Mon. Wea. Rev. 136, 3432-3445, eq. 11:
//   B = -4.4e-5 Δp² + 0.01 Δp + 0.03 ∂pc/∂t - 0.014 |φ| + 0.15 vt^x + 1.0, x = 0.6 (1 - Δp/215), Δp in hPa.
// - B without pressure (the IMD best track has none): Powell et al. (2005), J. Wind Eng. Ind. Aerodyn. 93,
//   651-674: B = 1.881093 - 0.010917 |φ| - 0.005567 Rm(km).
// - Rm: Willoughby, Darling & Rahn (2006), Mon. Wea. Rev. 134, 1102-1120, eq. 7a:
//   Rm = 46.4 exp(-0.0155 Vm + 0.0169 |φ|) km with Vm in m/s.
// B is kept within [1, 2.5], the range those papers observe.

export function rmaxWilloughby2006Km(vmaxMs: number, latDeg: number): number {
  return 46.4 * Math.exp(-0.0155 * vmaxMs + 0.0169 * Math.abs(latDeg));
}

export function hollandBPowell2005(rmaxKm: number, latDeg: number): number {
  return clampB(1.881093 - 0.010917 * Math.abs(latDeg) - 0.005567 * rmaxKm);
}

export function hollandB2008(deltaPHpa: number, dpdtHpaPerHour: number, latDeg: number, translationMs: number): number {
  const x = 0.6 * (1 - deltaPHpa / 215);
  const b = -4.4e-5 * deltaPHpa * deltaPHpa + 0.01 * deltaPHpa + 0.03 * dpdtHpaPerHour - 0.014 * Math.abs(latDeg) + 0.15 * Math.max(translationMs, 0) ** x + 1;
  return clampB(b);
}

function clampB(b: number): number {
  return Math.min(2.5, Math.max(1, b));
}

/** Symmetric wind speed (m/s) at distance rKm from the centre. */
export function hollandSpeed(rKm: number, vmaxMs: number, rmaxKm: number, b: number): number {
  if (rKm <= 0) return 0;
  const x = (rmaxKm / rKm) ** b;
  return vmaxMs * Math.sqrt(x * Math.exp(1 - x));
}

/** Distance beyond Rm where the symmetric speed falls to `speed` (bisection; the profile decreases there). */
export function radiusForSpeed(speed: number, vmaxMs: number, rmaxKm: number, b: number): number {
  if (speed >= vmaxMs) return rmaxKm;
  let lo = rmaxKm;
  let hi = rmaxKm * 2;
  while (hollandSpeed(hi, vmaxMs, rmaxKm, b) > speed && hi < 5000) hi *= 2;
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    if (hollandSpeed(mid, vmaxMs, rmaxKm, b) > speed) lo = mid;
    else hi = mid;
  }
  return hi;
}
