/**
 * Synthetic school registries for tests and benchmarks: realistic UDISE-style rows placed inside real district
 * polygons, streamed line by line so 1.5 M rows never sit in memory. Pure and deterministic for a seed.
 */

export type Position = readonly [number, number] | readonly number[];

/** One district to fill: its MultiPolygon coordinates and the codes a school file would declare for it. */
export interface GeneratorDistrict {
  stateCode: string;
  stateName: string;
  districtCode: string;
  districtName: string;
  /** LGD district code, when known. */
  lgd?: string;
  coordinates: readonly (readonly (readonly Position[])[])[];
  /** Share of the schools; the district's area when not given. */
  weight?: number;
}

export interface GenerateOptions {
  count: number;
  seed: number;
}

/** Columns named as UDISE+ exports and the importer's aliases name them, so the importer maps them unaided. */
export const SCHOOL_CSV_COLUMNS = [
  'schcd',
  'schname',
  'school_cat',
  'management',
  'rururb',
  'vilname',
  'longitude',
  'latitude',
  'stcode11',
  'stname',
  'dtcode11',
  'dtname',
  'dist_lgd',
  'enrolment_girls',
  'enrolment_boys',
  'teachers_female',
  'teachers_male',
  'clrooms',
] as const;

/** mulberry32: small, fast, good enough for synthetic data, and the same stream on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A district made ready for sampling: every ring flattened into one array, plus the bounding box. */
interface Prepared {
  district: GeneratorDistrict;
  rings: Float64Array[];
  box: [number, number, number, number];
  area: number;
  /** Two digits of the state and district parts of the code. */
  codePrefix: string;
}

function prepare(district: GeneratorDistrict, codePrefix: string): Prepared {
  const rings: Float64Array[] = [];
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let area = 0;
  for (const polygon of district.coordinates) {
    polygon.forEach((ring, k) => {
      const flat = new Float64Array(ring.length * 2);
      let signed = 0;
      ring.forEach((p, i) => {
        const x = p[0];
        const y = p[1];
        flat[2 * i] = x;
        flat[2 * i + 1] = y;
        if (x < box[0]) box[0] = x;
        if (y < box[1]) box[1] = y;
        if (x > box[2]) box[2] = x;
        if (y > box[3]) box[3] = y;
        const next = ring[(i + 1) % ring.length]!;
        // Degrees², shrunk by cos(latitude) so northern and southern districts compare fairly.
        signed += (x * next[1] - next[0] * y) * Math.cos((y * Math.PI) / 180);
      });
      rings.push(flat);
      area += (k === 0 ? 1 : -1) * Math.abs(signed / 2);
    });
  }
  return { district, rings, box, area: Math.max(0, area), codePrefix };
}

/** Even-odd ray casting over all rings: inside an outer ring and outside its holes. Boundary points count as outside. */
export function insideRings(rings: readonly Float64Array[], x: number, y: number): boolean {
  let inside = false;
  for (const r of rings) {
    const n = r.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = r[2 * i]!;
      const yi = r[2 * i + 1]!;
      const xj = r[2 * j]!;
      const yj = r[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** Whether a point lies inside a MultiPolygon's coordinates (for tests and callers that hold GeoJSON). */
export function insideMultiPolygon(coordinates: GeneratorDistrict['coordinates'], x: number, y: number): boolean {
  return insideRings(prepare({ stateCode: '', stateName: '', districtCode: '', districtName: '', coordinates }, '').rings, x, y);
}

/** Largest-remainder split of `count` over weights: exact total, deterministic, no district starved by rounding. */
export function apportion(count: number, weights: readonly number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (!(total > 0)) throw new Error('The districts have no area (or weights) to share schools by.');
  const raw = weights.map((w) => (count * w) / total);
  const out = raw.map(Math.floor);
  let left = count - out.reduce((s, v) => s + v, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i]! += 1;
  }
  return out;
}

/** Two-digit code parts: the state's own code when it is one or two digits, else its position; districts by position. */
function codePrefixes(districts: readonly GeneratorDistrict[]): string[] {
  const states = new Map<string, string>();
  const perState = new Map<string, number>();
  const usedStates = new Set<string>();
  for (const d of districts) {
    if (states.has(d.stateCode)) continue;
    let code = /^\d{1,2}$/.test(d.stateCode) ? d.stateCode.padStart(2, '0') : '';
    if (!code || usedStates.has(code)) {
      let k = 1;
      while (usedStates.has(String(k).padStart(2, '0'))) k += 1;
      code = String(k).padStart(2, '0');
    }
    if (code.length > 2) throw new Error('More than 99 states: the 11-digit code has two digits for the state.');
    usedStates.add(code);
    states.set(d.stateCode, code);
  }
  return districts.map((d) => {
    const n = (perState.get(d.stateCode) ?? 0) + 1;
    perState.set(d.stateCode, n);
    if (n > 99) throw new Error(`State ${d.stateName} has more than 99 districts: the code has two digits for them.`);
    return `${states.get(d.stateCode)!}${String(n).padStart(2, '0')}`;
  });
}

const SCHOOLS_PER_VILLAGE = 20;
const VILLAGES_PER_BLOCK = 999;
const MAX_PER_DISTRICT = SCHOOLS_PER_VILLAGE * VILLAGES_PER_BLOCK * 99;

/** block(2) + village(3) + school(2) for the k-th school of a district (0-based). */
export function schoolCodeSuffix(k: number): string {
  const school = (k % SCHOOLS_PER_VILLAGE) + 1;
  const village = (Math.floor(k / SCHOOLS_PER_VILLAGE) % VILLAGES_PER_BLOCK) + 1;
  const block = Math.floor(k / (SCHOOLS_PER_VILLAGE * VILLAGES_PER_BLOCK)) + 1;
  return `${String(block).padStart(2, '0')}${String(village).padStart(3, '0')}${String(school).padStart(2, '0')}`;
}

const ONSETS = [
  'Ram',
  'Shiv',
  'Kris',
  'Lak',
  'Sun',
  'Chan',
  'Bhav',
  'Gov',
  'Har',
  'Mad',
  'Nar',
  'Dev',
  'Ganj',
  'Bar',
  'Sit',
  'Kal',
  'Man',
  'Raj',
  'Jag',
  'Bis',
  'Kes',
  'Pal',
  'Mah',
  'Ash',
  'Ud',
];
const MIDDLES = ['a', 'i', 'u', 'an', 'ar', 'en', 'ol', 'am', 'ip', 'esh'];
const SUFFIXES = ['pur', 'garh', 'nagar', 'abad', 'gaon', 'wadi', 'palli', 'halli', 'kheda', 'ganj', 'kot', 'ur', 'pet', 'wala'];
const SCHOOL_KINDS: readonly [string, string, number][] = [
  // school_cat, name pattern, weight (roughly the UDISE+ mix: most schools are primary)
  ['Primary', 'Govt Primary School', 52],
  ['Primary with Upper Primary', 'Govt Upper Primary School', 22],
  ['Upper Primary only', 'Govt Middle School', 6],
  ['Primary with Upper Primary and Secondary and Higher Secondary', 'Govt Sr Sec School', 8],
  ['Upper Primary with Secondary', 'Govt High School', 7],
  ['Secondary only', 'Govt Secondary School', 5],
];
const MANAGEMENTS: readonly [string, number][] = [
  ['Department of Education', 68],
  ['Private Unaided (Recognized)', 22],
  ['Government Aided', 6],
  ['Local Body', 3],
  ['Madarsa Recognized', 1],
];
const PRIVATE_NAMES = [
  'Saraswati Vidya Mandir',
  'Adarsh Public School',
  'St Marys School',
  'Vivekananda Vidyalaya',
  'Gyan Jyoti Academy',
  'Modern Public School',
];

/** Index drawn by weight from a uniform `u`. */
function pick(weights: readonly number[], u: number): number {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

const csv = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Standard normal from two uniforms (Box-Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Yields the header, then `count` CSV lines (no line ends). Schools per district follow area (or the given
 * weights); each point is drawn uniformly in the district's box until it falls inside the polygon, after rounding
 * to the 6 decimals written. Enrolment is lognormal with a median of about 120 children.
 */
export function* generateSchoolCsv(districts: readonly GeneratorDistrict[], options: GenerateOptions): Generator<string> {
  const { count, seed } = options;
  if (!Number.isInteger(count) || count < 0) throw new Error('count must be a whole number ≥ 0.');
  const prefixes = codePrefixes(districts);
  const prepared = districts.map((d, i) => prepare(d, prefixes[i]!)).filter((p) => p.rings.length && p.area > 0);
  if (!prepared.length) throw new Error('No district has a polygon to place schools in.');
  const shares = apportion(
    count,
    prepared.map((p) => p.district.weight ?? p.area),
  );
  const random = seededRandom(seed);
  const kindWeights = SCHOOL_KINDS.map((k) => k[2]);
  const managementWeights = MANAGEMENTS.map((m) => m[1]);
  yield SCHOOL_CSV_COLUMNS.join(',');
  for (let d = 0; d < prepared.length; d++) {
    const p = prepared[d]!;
    const n = shares[d]!;
    if (n > MAX_PER_DISTRICT)
      throw new Error(`${p.district.districtName} would get ${n} schools; codes allow ${MAX_PER_DISTRICT}.`);
    const [minX, minY, maxX, maxY] = p.box;
    let villageName = '';
    for (let k = 0; k < n; k++) {
      if (k % SCHOOLS_PER_VILLAGE === 0 || !villageName) {
        villageName = `${ONSETS[Math.floor(random() * ONSETS.length)]!}${MIDDLES[Math.floor(random() * MIDDLES.length)]!}${SUFFIXES[Math.floor(random() * SUFFIXES.length)]!}`;
      }
      let lon = 0;
      let lat = 0;
      for (let tries = 0; ; tries++) {
        if (tries > 100_000) throw new Error(`Could not place a point inside ${p.district.districtName}.`);
        lon = Math.round((minX + random() * (maxX - minX)) * 1e6) / 1e6;
        lat = Math.round((minY + random() * (maxY - minY)) * 1e6) / 1e6;
        if (insideRings(p.rings, lon, lat)) break;
      }
      const management = MANAGEMENTS[pick(managementWeights, random())]![0];
      const [cat, govtName] = SCHOOL_KINDS[pick(kindWeights, random())]!;
      const name =
        management === 'Private Unaided (Recognized)'
          ? `${PRIVATE_NAMES[Math.floor(random() * PRIVATE_NAMES.length)]!} ${villageName}`
          : `${govtName} ${villageName}`;
      const rural = random() < 0.85 ? '1' : '2';
      const total = Math.max(1, Math.round(Math.exp(Math.log(120) + 0.8 * normal(random))));
      const girls = Math.round(total * (0.44 + 0.1 * random()));
      const teachers = Math.max(1, Math.round((total / 30) * (0.7 + 0.6 * random())));
      const female = Math.round(teachers * random());
      const classrooms = Math.max(1, Math.round(total / 35 + random() * 2));
      const line = [
        `${p.codePrefix}${schoolCodeSuffix(k)}`,
        csv(name),
        csv(cat),
        csv(management),
        rural,
        csv(villageName),
        lon.toFixed(6),
        lat.toFixed(6),
        csv(p.district.stateCode),
        csv(p.district.stateName),
        csv(p.district.districtCode),
        csv(p.district.districtName),
        csv(p.district.lgd ?? ''),
        String(girls),
        String(total - girls),
        String(female),
        String(teachers - female),
        String(classrooms),
      ];
      yield line.join(',');
    }
  }
}
