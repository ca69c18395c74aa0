import { GeoInputError } from '../errors.js';
import type { GridSpec } from '../shakemap/grid-types.js';
import type { SchoolIndex } from './school-index.js';

/**
 * Bilinear interpolation of one grid field at every school; NaN outside the grid or next to a missing node.
 * Grid rows run north to south (ShakeMap order). Node spacing is derived from the extent and counts, which is
 * exact, rather than from the rounded nominal spacing.
 */
export function sampleGridValues(lon: Float64Array, lat: Float64Array, spec: GridSpec, values: Float32Array, out = new Float32Array(lon.length)): Float32Array {
  if (values.length < spec.nlon * spec.nlat) throw new GeoInputError('HAZARD_INVALID', 'The grid field has fewer values than nlon*nlat.');
  const nlon = spec.nlon;
  const fxScale = (nlon - 1) / (spec.lonMax - spec.lonMin);
  const fyScale = (spec.nlat - 1) / (spec.latMax - spec.latMin);
  const maxX = nlon - 1;
  const maxY = spec.nlat - 1;
  for (let i = 0; i < lon.length; i++) {
    const fx = ((lon[i] as number) - spec.lonMin) * fxScale;
    const fy = (spec.latMax - (lat[i] as number)) * fyScale;
    if (!(fx >= 0 && fx <= maxX && fy >= 0 && fy <= maxY)) {
      out[i] = Number.NaN;
      continue;
    }
    // At the last row/column step back one cell so the four nodes exist; the weight then reaches 1.
    const x0 = fx < maxX ? Math.floor(fx) : maxX - 1;
    const y0 = fy < maxY ? Math.floor(fy) : maxY - 1;
    const tx = fx - x0;
    const ty = fy - y0;
    const k = y0 * nlon + x0;
    const v00 = values[k] as number;
    const v01 = values[k + 1] as number;
    const v10 = values[k + nlon] as number;
    const v11 = values[k + nlon + 1] as number;
    out[i] = (v00 * (1 - tx) + v01 * tx) * (1 - ty) + (v10 * (1 - tx) + v11 * tx) * ty;
  }
  return out;
}

export function sampleGrid(index: SchoolIndex, grid: { spec: GridSpec; fields: Record<string, Float32Array> }, field: string): Float32Array {
  const values = grid.fields[field.toUpperCase()] ?? grid.fields[field];
  if (!values) throw new GeoInputError('HAZARD_INVALID', `The grid has no field "${field}" (it has ${Object.keys(grid.fields).join(', ')}).`);
  return sampleGridAtSchools(index, grid.spec, values, 1, null, 1)[0];
}

/**
 * The same bilinear interpolation as sampleGridValues, for one or two fields of a grid at once (sharing the
 * weights), each divided by its divisor after rounding to float32 (as sampling then dividing would). Walks the schools in the index's cell order, so grid reads stay
 * local and only the writes are scattered: about 3x faster than school order when schools are not sorted
 * spatially. Schools without valid coordinates get NaN.
 */
export function sampleGridAtSchools(index: SchoolIndex, spec: GridSpec, a: Float32Array, aDiv: number, b: Float32Array | null, bDiv: number): [Float32Array, Float32Array | null] {
  const cells = spec.nlon * spec.nlat;
  if (a.length < cells || (b && b.length < cells)) throw new GeoInputError('HAZARD_INVALID', 'The grid field has fewer values than nlon*nlat.');
  const n = index.size;
  const { order, sLon, sLat } = index.grid;
  const outA = new Float32Array(n);
  const outB = b ? new Float32Array(n) : null;
  if (order.length < n) {
    outA.fill(Number.NaN);
    outB?.fill(Number.NaN);
  }
  const fxScale = (spec.nlon - 1) / (spec.lonMax - spec.lonMin);
  const fyScale = (spec.nlat - 1) / (spec.latMax - spec.latMin);
  if (b && outB) sample2(order, sLon, sLat, spec.nlon, spec.nlat, spec.lonMin, spec.latMax, fxScale, fyScale, a, aDiv, outA, b, bDiv, outB);
  else sample2(order, sLon, sLat, spec.nlon, spec.nlat, spec.lonMin, spec.latMax, fxScale, fyScale, a, aDiv, outA, a, aDiv, outA);
  return [outA, outB];
}

// The kernel, kept apart so V8 optimises it once and keeps it (a loop inside a bigger function is compiled on
// stack replacement and thrown away again by the cold code after it). With b === a it samples one field.
function sample2(
  order: Uint32Array,
  sLon: Float64Array,
  sLat: Float64Array,
  nlon: number,
  nlat: number,
  lonMin: number,
  latMax: number,
  fxScale: number,
  fyScale: number,
  a: Float32Array,
  aDiv: number,
  outA: Float32Array,
  b: Float32Array,
  bDiv: number,
  outB: Float32Array,
): void {
  const maxX = nlon - 1;
  const maxY = nlat - 1;
  const two = a !== b;
  const n = order.length;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const fx = ((sLon[k] as number) - lonMin) * fxScale;
    const fy = (latMax - (sLat[k] as number)) * fyScale;
    if (!(fx >= 0 && fx <= maxX && fy >= 0 && fy <= maxY)) {
      outA[i] = Number.NaN;
      outB[i] = Number.NaN;
      continue;
    }
    // At the last row/column step back one cell so the four nodes exist; the weight then reaches 1.
    // fx, fy >= 0 here, so truncation is floor.
    const x0 = fx < maxX ? fx | 0 : maxX - 1;
    const y0 = fy < maxY ? fy | 0 : maxY - 1;
    const tx = fx - x0;
    const ty = fy - y0;
    const c = (y0 * nlon + x0) | 0;
    const ux = 1 - tx;
    const uy = 1 - ty;
    // Same expression as sampleGridValues, so both give bit-identical values.
    outA[i] = Math.fround(((a[c] as number) * ux + (a[c + 1] as number) * tx) * uy + ((a[c + nlon] as number) * ux + (a[c + nlon + 1] as number) * tx) * ty) / aDiv;
    if (two) outB[i] = Math.fround(((b[c] as number) * ux + (b[c + 1] as number) * tx) * uy + ((b[c + nlon] as number) * ux + (b[c + nlon + 1] as number) * tx) * ty) / bDiv;
  }
}
