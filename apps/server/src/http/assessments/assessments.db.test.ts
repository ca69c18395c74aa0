import { schoolSafetyInstrument } from '@safeschools/domain';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildArea, buildSchool, buildUser, TEST_PASSWORD } from '../../testing/factories.js';
import { answersFor } from '../../testing/instrument-answers.js';
import { createTestApp, type Caller, type TestApp } from '../../testing/test-app.js';

let t: TestApp;
let focal: Caller;
let otherFocal: Caller;
let officer: Caller;
let admin: Caller;
const schools: Record<string, string> = {};
const def = schoolSafetyInstrument;

interface AssessmentBody {
  id: string;
  version: number;
  status: string;
  report: { overall: { score: number; band: string }; pillars: Record<string, { score: number | null; coverage: number }>; redFlags: string[]; recommendations: unknown[] } | null;
  triage: { flagged: boolean; priority: string | null; reasons: { code: string }[] } | null;
  ranks: { level: string; name: string; rank: number | null; of: number }[];
}

beforeAll(async () => {
  t = await createTestApp();
  const india = await buildArea(t.database, { name: 'India', level: 'country' });
  const sikkim = await buildArea(t.database, { name: 'Sikkim', level: 'state', parent: india });
  const gangtok = await buildArea(t.database, { name: 'Gangtok', level: 'district', parent: sikkim });
  const block = await buildArea(t.database, { name: 'Rakdong Tintek', level: 'block', parent: gangtok });
  const mangan = await buildArea(t.database, { name: 'Mangan', level: 'district', parent: sikkim });
  schools.a = (await buildSchool(t.database, { area: block, name: 'Enchey School', girls: 100, boys: 90 })).id;
  schools.b = (await buildSchool(t.database, { area: block, name: 'Tashi Namgyal Academy', girls: 50, boys: 40 })).id;
  schools.c = (await buildSchool(t.database, { area: gangtok, name: 'Palzor School', girls: 20, boys: 20 })).id;
  schools.far = (await buildSchool(t.database, { area: mangan, name: 'Mangan Senior Secondary', girls: 10, boys: 10 })).id;
  focal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [schools.a] })).email, TEST_PASSWORD);
  otherFocal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [schools.far] })).email, TEST_PASSWORD);
  officer = await t.signIn((await buildUser(t.database, { role: 'district_officer', areaIds: [gangtok.id] })).email, TEST_PASSWORD);
  admin = await t.signIn((await buildUser(t.database, { role: 'administrator' })).email, TEST_PASSWORD);
});
afterAll(() => t.close());

const save = (caller: Caller, id: string, body: Record<string, unknown>) =>
  caller.request('PUT', `/api/v1/assessments/${id}`, { instrumentId: def.id, instrumentVersion: def.version, ...body });

describe('instruments', () => {
  it('lists the built-in trilingual self-assessment and serves its definition', async () => {
    const list = (await focal.get('/api/v1/instruments')).json<{ items: { id: string; title: Record<string, string>; builtIn: boolean }[] }>();
    expect(list.items).toContainEqual(expect.objectContaining({ id: def.id, builtIn: true }) as unknown);
    expect(list.items[0]!.title.hi).toMatch(/[\u0900-\u097F]/);
    const got = (await focal.get(`/api/v1/instruments/${def.id}`)).json<{ sections: { id: string }[] }>();
    expect(got.sections.map((s) => s.id)).toEqual(['hazards', 'foundation', 'pillar1', 'pillar2', 'pillar3']);
  });

  it('takes a country team’s own instrument, refuses a broken one with every problem, and never overwrites a version', async () => {
    const own = { ...def, id: 'np-school-safety', title: { en: 'Nepal school safety', hi: 'नेपाल विद्यालय सुरक्षा', ja: 'ネパール学校安全' } };
    const created = await admin.request('POST', '/api/v1/instruments', own);
    expect(created.statusCode).toBe(201);
    expect((await admin.request('POST', '/api/v1/instruments', own)).json()).toMatchObject({ code: 'INSTRUMENT_VERSION_EXISTS' });
    const broken = await admin.request('POST', '/api/v1/instruments', { ...own, version: 2, sections: [{ ...def.sections[0], questions: [...def.sections[0]!.questions, def.sections[0]!.questions[0]] }] });
    expect(broken.json()).toMatchObject({ code: 'INSTRUMENT_INVALID' });
    expect(broken.json<{ errors: { code: string }[] }>().errors.map((e) => e.code)).toContain('INSTRUMENT_DUPLICATE_ID');
    expect((await officer.request('POST', '/api/v1/instruments', { ...own, version: 3 })).json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a self-assessment', () => {
  it('is saved as a draft while incomplete, then submitted into a report with scores, rating and recommendations', async () => {
    const id = uuidv7();
    const draft = await save(focal, id, { schoolId: schools.a, answers: { p1_cracks: 'no' } });
    expect(draft.statusCode).toBe(201);
    expect(draft.json<AssessmentBody>()).toMatchObject({ status: 'draft', version: 1, report: null });
    expect((await focal.get(`/api/v1/assessments/${id}/report`)).statusCode).toBe(404);
    const incomplete = await save(focal, id, { schoolId: schools.a, answers: { p1_cracks: 'no' }, submit: true, version: 1 });
    expect(incomplete.json()).toMatchObject({ code: 'ASSESSMENT_INVALID' });
    expect(incomplete.json<{ errors: { code: string }[] }>().errors.map((e) => e.code)).toContain('ANSWER_REQUIRED_MISSING');
    const stale = await save(focal, id, { schoolId: schools.a, answers: {}, version: 7 });
    expect(stale.json()).toMatchObject({ code: 'VERSION_CONFLICT' });

    const submitted = await save(focal, id, { schoolId: schools.a, answers: answersFor(def, 'best'), submit: true, version: 1 });
    expect(submitted.statusCode).toBe(200);
    const body = submitted.json<AssessmentBody>();
    expect(body.status).toBe('submitted');
    expect(body.report!.overall.score).toBeGreaterThanOrEqual(90);
    expect(body.report!.overall.band).toBe('A');
    expect(body.report!.redFlags).toEqual([]);
    expect(body.triage).toMatchObject({ flagged: false });
    expect((await focal.get(`/api/v1/assessments/${id}/report`)).json()).toMatchObject({ assessmentId: id, report: { overall: { band: 'A' } }, triage: { flagged: false } });
    // Retrying the same submission (an offline phone that lost the answer) gives the stored result.
    const retry = await save(focal, id, { schoolId: schools.a, answers: answersFor(def, 'best'), submit: true, version: 1 });
    expect(retry.json<AssessmentBody>()).toMatchObject({ id, version: 2, status: 'submitted' });
    expect((await save(focal, id, { schoolId: schools.a, answers: {}, version: 2 })).json()).toMatchObject({ code: 'ASSESSMENT_SUBMITTED' });
  });

  it('rejects answers that do not fit the questions', async () => {
    const bad = await save(focal, uuidv7(), { schoolId: schools.a, answers: { p1_cracks: 'perhaps', p1_storeys: 99, nonsense: 'x' } });
    const codes = bad.json<{ errors: { code: string; path: string }[] }>().errors.map((e) => e.code);
    expect(codes).toEqual(expect.arrayContaining(['ANSWER_WRONG_TYPE', 'ANSWER_OUT_OF_RANGE', 'ANSWER_UNKNOWN_QUESTION']) as unknown);
  });

  it('flags a weak school for an engineering inspection, ranks schools in block and district, and lists the flagged for the district', async () => {
    const weakFocal = await t.signIn((await buildUser(t.database, { role: 'school_focal_point', schoolIds: [schools.b!] })).email, TEST_PASSWORD);
    const weak = await save(weakFocal, uuidv7(), {
      schoolId: schools.b,
      answers: answersFor(def, 'worst'),
      hazardContext: { seismicZone: 'IV' },
      submit: true,
    });
    const w = weak.json<AssessmentBody>();
    expect(weak.statusCode, weak.body).toBe(201);
    expect(w.triage!.flagged).toBe(true);
    expect(w.triage!.priority).toBe('urgent');
    expect(w.triage!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['STRUCTURAL_RED_FLAG', 'SEISMIC_ZONE_HIGH', 'PILLAR1_WEAK']) as unknown);
    expect(w.report!.recommendations.length).toBeGreaterThan(0);
    expect(w.ranks).toEqual([
      { areaId: expect.any(String) as unknown, level: 'block', name: 'Rakdong Tintek', rank: 2, of: 2 },
      { areaId: expect.any(String) as unknown, level: 'district', name: 'Gangtok', rank: 2, of: 2 },
    ]);
    const flagged = (await officer.get('/api/v1/flagged-schools')).json<{ items: { schoolId: string; priority: string; inspected: boolean }[] }>();
    expect(flagged.items).toEqual([expect.objectContaining({ schoolId: schools.b, priority: 'urgent', inspected: false }) as unknown]);
    // The school's own focal point sees its rank, not the other school's answers.
    const mine = (await focal.get(`/api/v1/schools/${schools.a}/assessments`)).json<{ items: AssessmentBody[] }>();
    expect(mine.items.map((a) => a.status)).toEqual(['submitted']);
    expect((await focal.get(`/api/v1/schools/${schools.b}/assessments`)).statusCode).toBe(404);
    expect((await focal.get(`/api/v1/assessments/${w.id}`)).statusCode).toBe(404);
    expect((await focal.get('/api/v1/flagged-schools')).json()).toEqual({ items: [] });
  });

  it('keeps schools out of reach of those who do not hold them', async () => {
    const r = await save(otherFocal, uuidv7(), { schoolId: schools.a, answers: {} });
    expect(r.statusCode).toBe(404);
    const viewer = await t.signIn((await buildUser(t.database, { role: 'viewer', areaIds: [] })).email, TEST_PASSWORD);
    expect((await save(viewer, uuidv7(), { schoolId: schools.a, answers: {} })).json()).toMatchObject({ code: 'FORBIDDEN' });
  });
});
