import { GeoInputError, type GeoWarning } from '../errors.js';
import { cyclonePeakWind } from '../hazard/cyclone-peak-wind.js';
import { mmiToPgaG } from '../hazard/gmice.js';
import { scenarioMmi } from '../hazard/scenario-mmi.js';
import { withinPolygon } from '../spatial/polygon-queries.js';
import { sampleGridAtSchools } from '../spatial/sample-grid.js';
import type { SchoolIndex } from '../spatial/school-index.js';
import { withinCircle } from '../spatial/within-circle.js';
import type { FragilitySet } from '../fragility/fragility-types.js';
import type { Hazard } from './hazard-types.js';

export interface HazardIntensity {
  /** The intensity shown and banded: MMI for earthquakes, m/s for wind, the footprint's own measure otherwise. */
  imt: string;
  intensity: Float32Array;
  /** Intensity in the measure a fragility function asks for, or null when the hazard cannot give it. */
  forImt(imt: string): Float32Array | null;
}

const SA_FIELDS: Record<string, string> = { 'SA(0.3)': 'PSA03', 'SA(1.0)': 'PSA10', 'SA(3.0)': 'PSA30' };

function gridDisplay(hazard: Extract<Hazard, { kind: 'grid' }>): string {
  const { fields } = hazard.grid;
  return (hazard.field ?? (fields['MMI'] ? 'MMI' : fields['PGA'] ? 'PGA' : '')).toUpperCase();
}

/** Where a grid gives an intensity measure: a field, and the divisor to its unit (ShakeMap %g to g). */
function gridSource(fields: Record<string, Float32Array>, imt: string): { field: string; div: number } | null {
  if (imt === 'MMI') return fields['MMI'] ? { field: 'MMI', div: 1 } : null;
  const field = imt === 'PGA' ? 'PGA' : SA_FIELDS[imt];
  return field && fields[field] ? { field, div: 100 } : null;
}

/**
 * When every fragility function of the set reads the same field of a grid (ShakeMap with Hazus PGA curves),
 * the fields computeImpact's one-pass kernel needs: the displayed field and the fragility field with its
 * divisor. Null when the functions use different or missing measures, or the grid lacks its display field;
 * those go through hazardIntensity (which also gives the warnings).
 */
export function fusedGridPlan(hazard: Extract<Hazard, { kind: 'grid' }>, set: FragilitySet): { imt: string; display: Float32Array; im: Float32Array; imDiv: number } | null {
  const { fields, spec } = hazard.grid;
  const imt = gridDisplay(hazard);
  const display = fields[imt];
  const imts = new Set(set.functions.map((f) => f.imt.toUpperCase()));
  const only = imts.size === 1 ? [...imts][0] : undefined;
  const src = only ? gridSource(fields, only) : null;
  const cells = spec.nlon * spec.nlat;
  if (!display || !src || display.length < cells || (fields[src.field] as Float32Array).length < cells) return null;
  return { imt, display, im: fields[src.field] as Float32Array, imDiv: src.div };
}

function gridIntensity(index: SchoolIndex, hazard: Extract<Hazard, { kind: 'grid' }>, wanted: readonly string[]): HazardIntensity {
  const { spec, fields } = hazard.grid;
  const display = gridDisplay(hazard);
  const values = fields[display];
  if (!values) throw new GeoInputError('HAZARD_INVALID', `The grid has no ${display || 'MMI or PGA'} field.`);
  // Sampled fields by "FIELD/divisor". ShakeMap gives PGA and PSA in %g (pctg); fragility curves use g.
  const cache = new Map<string, Float32Array>();
  const source = (imt: string): { field: string; div: number } | null => gridSource(fields, imt);
  const sample = (field: string, div: number): Float32Array => {
    const key = `${field}/${div}`;
    let hit = cache.get(key);
    if (!hit) {
      hit = sampleGridAtSchools(index, spec, fields[field] as Float32Array, div, null, 1)[0];
      cache.set(key, hit);
    }
    return hit;
  };
  // The display field and the first other field a fragility function needs, in one pass.
  const extra = wanted.map(source).find((s) => s !== null && !(s.field === display && s.div === 1)) ?? null;
  const [intensity, second] = sampleGridAtSchools(index, spec, values, 1, extra ? (fields[extra.field] as Float32Array) : null, extra?.div ?? 1);
  cache.set(`${display}/1`, intensity);
  if (extra && second) cache.set(`${extra.field}/${extra.div}`, second);
  let pgaFromMmi: Float32Array | null = null;
  return {
    imt: display,
    intensity,
    forImt(imt) {
      const key = imt.toUpperCase();
      const src = source(key);
      if (src) return sample(src.field, src.div);
      if (key !== 'PGA' || !fields['MMI']) return null;
      pgaFromMmi ??= mapValues(sample('MMI', 1), mmiToPgaG);
      return pgaFromMmi;
    },
  };
}

function mapValues(v: Float32Array, fn: (x: number) => number): Float32Array {
  const out = new Float32Array(v.length);
  for (let i = 0; i < v.length; i++) out[i] = fn(v[i] as number);
  return out;
}

function fill(index: SchoolIndex, hits: { ids: Uint32Array; value: number }[]): Float32Array {
  const out = new Float32Array(index.size).fill(Number.NaN);
  for (const { ids, value } of hits) for (const i of ids) if (!(out[i]! >= value)) out[i] = value;
  return out;
}

/**
 * Turns any hazard into one intensity per school (NaN where the hazard does not reach). `wanted` lists the
 * measures fragility will ask for, so a grid can sample them in the same pass as the display field.
 */
export function hazardIntensity(index: SchoolIndex, hazard: Hazard, warnings: GeoWarning[], wanted: readonly string[] = []): HazardIntensity {
  switch (hazard.kind) {
    case 'grid':
      return gridIntensity(index, hazard, wanted);
    case 'scenario': {
      const mmi = scenarioMmi(index.lon, index.lat, hazard.epicentre, hazard.depthKm, hazard.magnitude);
      return { imt: 'MMI', intensity: mmi, forImt: (imt) => (imt.toUpperCase() === 'MMI' ? mmi : imt.toUpperCase() === 'PGA' ? mapValues(mmi, mmiToPgaG) : null) };
    }
    case 'cyclone': {
      const wind = cyclonePeakWind(index, hazard.track, hazard.options);
      return { imt: 'WIND', intensity: wind, forImt: (imt) => (imt.toUpperCase() === 'WIND' ? wind : null) };
    }
    case 'polygons': {
      const imt = hazard.imt ?? 'FOOTPRINT';
      const v = fill(index, hazard.footprints.map((f) => ({ ids: withinPolygon(index, f.polygon), value: f.intensity ?? 1 })));
      return { imt, intensity: v, forImt: (want) => (want.toUpperCase() === imt.toUpperCase() ? v : null) };
    }
    case 'circles': {
      const imt = hazard.imt ?? 'FOOTPRINT';
      const min = hazard.minRadiusKm ?? 0;
      const zero = hazard.circles.filter((c) => c.radiusKm < min).length;
      if (zero > 0) warnings.push({ code: 'CIRCLE_RADIUS_RAISED', message: `${zero} circle(s) smaller than ${min} km were widened to ${min} km.` });
      const v = fill(index, hazard.circles.map((c) => ({ ids: withinCircle(index, c.lon, c.lat, Math.max(c.radiusKm, min)), value: c.intensity ?? 1 })));
      return { imt, intensity: v, forImt: (want) => (want.toUpperCase() === imt.toUpperCase() ? v : null) };
    }
  }
}
