import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../apps/server/bin/safeschools.js', import.meta.url));
let dataDir: string;

function safeschools(args: string[], input?: string): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, DEMO_DATA: 'false' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.end(input ?? '');
    child.on('exit', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'safeschools-cli-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

describe('the safeschools command', () => {
  it('lists its commands', async () => {
    const r = await safeschools(['--help']);
    expect(r.code).toBe(0);
    for (const name of ['serve', 'migrate', 'users create', 'openapi', 'impact']) expect(r.out).toContain(name);
  });

  it('migrates a new embedded database, then finds nothing to do', async () => {
    const first = await safeschools(['migrate']);
    expect(first.err).toBe('');
    expect(first.out).toMatch(/Applied \d+ migration\(s\) on pglite/);
    const again = await safeschools(['migrate']);
    expect(again.out).toContain('up to date');
  });

  it('creates a user from a password on standard input and refuses a duplicate', async () => {
    const created = await safeschools(['users', 'create', '--email', 'ops@example.org', '--role', 'programme_manager'], 'monsoon readiness 2026\n');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/Created ops@example.org \(programme_manager\)/);
    const dup = await safeschools(['users', 'create', '--email', 'OPS@example.org'], 'another good passphrase\n');
    expect(dup.code).toBe(1);
    expect(dup.err).toContain('EMAIL_TAKEN');
    const reset = await safeschools(['users', 'create', '--email', 'ops@example.org', '--reset-password'], 'another good passphrase\n');
    expect(reset.out).toContain('Password reset for ops@example.org');
  });

  it('imports schools from a file, and finds nothing to change the second time', async () => {
    const file = fileURLToPath(new URL('../../../shared/data/schools/udise-sikkim/ud_dt_n_1101_page_01.geojson', import.meta.url));
    const first = await safeschools(['import', 'schools', file]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/completed\. (\d+) rows: \1 created/);
    const again = await safeschools(['import', 'schools', file, '--dry-run']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/validated\. (\d+) rows: 0 created, 0 updated, \1 unchanged/);
    expect((await safeschools(['import', 'schools', '/nonexistent.csv'])).code).toBe(66);
  });

  it('tells which imported schools a CAP circle reaches, as JSON for scripts', async () => {
    const file = fileURLToPath(new URL('../../../shared/data/schools/udise-sikkim/ud_dt_n_1101_page_01.geojson', import.meta.url));
    const points = (JSON.parse(await readFile(file, 'utf8')) as { features: { geometry: { coordinates: [number, number] } | null }[] }).features
      .flatMap((f) => (f.geometry ? [f.geometry.coordinates] : []))
      .filter(([lon, lat]) => lon > 80 && lat > 20);
    const [lon, lat] = points[Math.floor(points.length / 2)]!;
    const km = (a: [number, number]) => {
      const rad = Math.PI / 180;
      const h = Math.sin(((a[1] - lat) * rad) / 2) ** 2 + Math.cos(lat * rad) * Math.cos(a[1] * rad) * Math.sin(((a[0] - lon) * rad) / 2) ** 2;
      return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    };
    const expected = points.filter((p) => km(p) <= 8).length;
    const alert = path.join(dataDir, 'landslide.xml');
    await writeFile(
      alert,
      `<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>ls-1</identifier><sender>sdma.sikkim.gov.in</sender><sent>2026-07-01T06:00:00+05:30</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope><info><category>Geo</category><event>Landslide</event><urgency>Immediate</urgency><severity>Severe</severity><certainty>Likely</certainty><headline>Landslide warning</headline><area><areaDesc>North Sikkim</areaDesc><circle>${lat},${lon} 8</circle></area></info></alert>`,
    );
    const r = await safeschools(['impact', alert, '--json']);
    expect(r.err).toBe('');
    const report = JSON.parse(r.out) as { event: { title: string }; totals: { schools: number; children: { total: number | null; schoolsWithFigure: number; schoolsWithoutFigure: number } }; schools: { code: string; lon: number; lat: number }[] };
    expect(report.event.title).toBe('Landslide warning');
    expect(expected).toBeGreaterThan(0);
    expect(report.totals.schools).toBe(expected);
    // The demo schools have no enrolment: the children are unknown, never 0.
    expect(report.totals.children).toEqual({ total: null, schoolsWithFigure: 0, schoolsWithoutFigure: expected });
    expect(report.schools).toHaveLength(expected);
    expect(report.schools.every((s) => km([s.lon, s.lat]) <= 8.01)).toBe(true);
    const text = await safeschools(['impact', alert]);
    expect(text.out).toMatch(new RegExp(`Affected: ${expected} schools`));
    const bad = await safeschools(['impact', fileURLToPath(new URL('../../../shared/data/shakemap/invalid_grid.xml', import.meta.url))]);
    expect(bad.code).toBe(65);
    expect(bad.err).toContain('HAZARD_FILE_INVALID');
  });

  it('explains bad input with exit codes scripts can rely on', async () => {
    expect((await safeschools(['users', 'create', '--email', 'x@example.org', '--role', 'king'], 'whatever long enough')).code).toBe(64);
    expect((await safeschools(['users', 'create'])).err).toContain('Missing --email');
    const weak = await safeschools(['users', 'create', '--email', 'w@example.org'], 'short\n');
    expect(weak.code).toBe(1);
    expect(weak.err).toContain('WEAK_PASSWORD');
    expect((await safeschools(['frobnicate'])).code).toBe(64);
  });
});
