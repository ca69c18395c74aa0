import type { SchoolIndexInput } from '../spatial/school-index.js';

/** Deterministic pseudo-random generator (mulberry32) so synthetic tests are reproducible. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n schools spread uniformly over a lon/lat box, with enrolment, typology and area filled in. */
export function syntheticSchools(n: number, box: [number, number, number, number], seed = 1, typologies = ['RCC', 'kutcha', 'pucca']): SchoolIndexInput {
  const r = rng(seed);
  const [w, s, e, no] = box;
  const input: SchoolIndexInput = {
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    girls: new Uint32Array(n),
    boys: new Uint32Array(n),
    total: new Uint32Array(n),
    typology: new Uint16Array(n),
    typologies,
    areaIdx: new Int32Array(n),
    areaCount: 10,
  };
  for (let i = 0; i < n; i++) {
    input.lon[i] = w + r() * (e - w);
    input.lat[i] = s + r() * (no - s);
    const g = Math.floor(r() * 200);
    const b = Math.floor(r() * 200);
    input.girls[i] = g;
    input.boys[i] = b;
    input.total[i] = g + b;
    input.typology[i] = i % typologies.length;
    input.areaIdx[i] = i % 10;
  }
  return input;
}
