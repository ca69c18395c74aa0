import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { AnswerValue } from '@safeschools/domain';
import i18n from '../../i18n/i18n';
import { renderApp } from '../../test/render-app';
import { mockApi, problem, type RecordedRequest } from '../../test/mock-api';
import { buildMe, fixtureId } from '../../test/fixtures';
import { buildAssessment, buildSubmitted, completeAnswers, instrument, instrumentSummary } from './assessment-fixtures';
import { writeLocalDraft } from './draft-storage';

const slow = { timeout: 15_000 };
const me = () => ({ status: 200, body: buildMe({ role: 'school_focal_point', permissions: ['registry.read', 'safety.read', 'safety.write'] }) });
const uuidV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Put = (request: RecordedRequest) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

/**
 * Opens a new assessment for a school. Its id is made on the device, so the PUT route is matched by prefix.
 */
async function openNewAssessment(schoolId: string, put: Put, extra: Record<string, Put> = {}) {
  const handlers: Record<string, Put> = {
    ...extra,
    'GET /api/v1/auth/me': me,
    'GET /api/v1/instruments': () => ({ status: 200, body: { items: [instrumentSummary()] } }),
    [`GET /api/v1/instruments/${instrument.id}`]: () => ({ status: 200, body: instrument }),
  };
  const puts: RecordedRequest[] = [];
  const mock = mockApi(
    new Proxy(handlers, {
      get: (target, route: string) =>
        route.startsWith('PUT /api/v1/assessments/')
          ? (request: RecordedRequest) => {
              puts.push(request);
              return put(request);
            }
          : target[route],
    }),
  );
  const view = renderApp(`/schools/${schoolId}/assessment/new`);
  await screen.findByRole('heading', { name: 'Hazards' }, slow);
  return { ...view, mock, puts };
}

/** A draft the device holds but the server has never seen. */
function keepOnDevice(id: string, schoolId: string, answers: Record<string, AnswerValue>) {
  writeLocalDraft(id, { schoolId, instrumentId: instrument.id, instrumentVersion: instrument.version, answers, hazardContext: {}, unsaved: true });
}

const committeeQuestion = () => screen.getByRole('group', { name: /formed a School Disaster Management Committee/ });

// The built-in instrument is a long form: role queries over it take seconds on a busy machine.
describe('self-assessment form', { timeout: 40_000 }, () => {
  it('renders the built-in instrument in the interface language and hides a conditional question until it applies', async () => {
    const { router } = await openNewAssessment(fixtureId(), () => ({ status: 500 }));
    expect(router.state.location.pathname).toMatch(/^\/assessments\//);
    for (const section of ['Foundation: enabling systems', 'Hazards']) expect(screen.getByRole('heading', { name: section })).toBeTruthy();
    expect(screen.queryByRole('group', { name: /How often does the committee meet/ })).toBeNull();
    fireEvent.click(within(committeeQuestion()).getByRole('radio', { name: 'Yes' }));
    const meets = await screen.findByRole('group', { name: /How often does the committee meet/ });
    expect(within(meets).getByRole('radio', { name: 'Every month' })).toBeTruthy();
    fireEvent.click(within(committeeQuestion()).getByRole('radio', { name: 'No' }));
    await waitFor(() => expect(screen.queryByRole('group', { name: /How often does the committee meet/ })).toBeNull(), slow);
    // The scale shows its translated answers, a number its unit.
    expect(screen.getAllByRole('radio', { name: 'Not sure' }).length).toBeGreaterThan(0);
    expect(screen.getByText('storeys')).toBeTruthy();
  });

  it('speaks Japanese: the instrument’s own texts and the translated scale', async () => {
    mockApi({
      'GET /api/v1/auth/me': () => ({ status: 200, body: buildMe({ language: 'ja', permissions: ['registry.read', 'safety.read', 'safety.write'] }) }),
      'GET /api/v1/instruments': () => ({ status: 200, body: { items: [instrumentSummary()] } }),
      [`GET /api/v1/instruments/${instrument.id}`]: () => ({ status: 200, body: instrument }),
    });
    await i18n.changeLanguage('ja');
    renderApp(`/schools/${fixtureId()}/assessment/new`);
    expect(await screen.findByRole('heading', { name: 'ハザード' }, slow)).toBeTruthy();
    const committee = screen.getByRole('group', { name: /学校防災管理委員会を設置していますか/ });
    expect(within(committee).getByRole('radio', { name: 'はい' })).toBeTruthy();
    expect(screen.getAllByRole('radio', { name: 'わからない' }).length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: '提出' })).toBeTruthy();
  });

  it('saves a draft with PUT under a UUIDv7 made on the device, leaving out hidden answers', async () => {
    const schoolId = fixtureId();
    const { puts } = await openNewAssessment(schoolId, (request) => ({
      status: 200,
      body: buildAssessment({ id: request.path.split('/').pop(), schoolId, answers: (request.body as { answers: Record<string, unknown> }).answers }),
    }));
    fireEvent.click(within(committeeQuestion()).getByRole('radio', { name: 'Yes' }));
    fireEvent.click(within(await screen.findByRole('group', { name: /How often does the committee meet/ })).getByRole('radio', { name: 'Every month' }));
    fireEvent.click(within(committeeQuestion()).getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Draft saved.', {}, slow)).toBeTruthy();
    expect(puts).toHaveLength(1);
    const id = puts[0]?.path.split('/').pop() ?? '';
    expect(id).toMatch(uuidV7);
    expect(puts[0]?.body).toEqual({
      schoolId,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      answers: { fnd_sdmc: 'no' },
      hazardContext: {},
      submit: false,
    });
    // The next save carries the version the server gave.
    fireEvent.click(within(committeeQuestion()).getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(puts).toHaveLength(2), slow);
    expect((puts[1]?.body as { version?: number }).version).toBe(1);
  });

  it('shows the server’s problems next to their questions, and says so when the network is down', async () => {
    let offline = false;
    const { puts } = await openNewAssessment(fixtureId(), () => {
      if (offline) throw new TypeError('Failed to fetch');
      return problem('ASSESSMENT_INVALID', 422, [
        { path: 'answers.fnd_sdmc', code: 'ANSWER_NOT_AN_OPTION', message: 'Not an option: maybe' },
        { path: 'answers.fnd_focal_point', code: 'SOMETHING_NEW', message: 'The server explains this one' },
      ]);
    });
    fireEvent.click(within(committeeQuestion()).getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await within(committeeQuestion()).findByText('Choose one of the options shown.', {}, slow)).toBeTruthy();
    expect(within(screen.getByRole('group', { name: /safety focal point/ })).getByText('The server explains this one')).toBeTruthy();
    expect(puts).toHaveLength(1);

    offline = true;
    fireEvent.click(within(committeeQuestion()).getByRole('radio', { name: 'No' }));
    expect(within(committeeQuestion()).queryByText('Choose one of the options shown.')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/the network is down/, {}, slow)).toBeTruthy();
    const kept = Object.keys(localStorage).find((key) => key.includes('assessment-draft'));
    expect(JSON.parse(localStorage.getItem(kept ?? '') ?? '{}')).toMatchObject({ answers: { fnd_sdmc: 'no' }, unsaved: true });
  });

  it('uploads photos as they are chosen and answers with their file ids', async () => {
    const { puts, mock } = await openNewAssessment(
      fixtureId(),
      () => ({ status: 200, body: buildAssessment() }),
      { 'POST /api/v1/files': () => ({ status: 201, body: { id: '00000000-0000-7000-8000-0000000f11e5' } }) },
    );
    const cracks = screen.getByRole('group', { name: /visible cracks in load-bearing walls/ });
    fireEvent.click(within(cracks).getByRole('radio', { name: 'Yes' }));
    const photo = await screen.findByLabelText(/Photograph the worst cracks/, {}, slow);
    fireEvent.change(photo, { target: { files: [new File(['jpeg'], 'crack.jpg', { type: 'image/jpeg' })] } });
    expect(await screen.findByText('1 photo added.', {}, slow)).toBeTruthy();
    expect(mock.find('POST /api/v1/files')[0]?.form?.get('file')).toBeInstanceOf(File);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(puts).toHaveLength(1), slow);
    expect((puts[0]?.body as { answers: Record<string, unknown> }).answers).toMatchObject({
      p1_cracks: 'yes',
      p1_cracks_photo: ['00000000-0000-7000-8000-0000000f11e5'],
    });
  });

  it('explains a version conflict', async () => {
    await openNewAssessment(fixtureId(), () => problem('VERSION_CONFLICT', 409));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Someone else saved this assessment/, {}, slow)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Load the saved version' })).toBeTruthy();
  });

  it('submits a complete assessment and shows its report', async () => {
    const id = fixtureId();
    const schoolId = fixtureId();
    keepOnDevice(id, schoolId, completeAnswers());
    const mock = mockApi({
      'GET /api/v1/auth/me': me,
      [`GET /api/v1/assessments/${id}`]: () => problem('NOT_FOUND', 404),
      [`GET /api/v1/instruments/${instrument.id}`]: () => ({ status: 200, body: instrument }),
      [`PUT /api/v1/assessments/${id}`]: () => ({ status: 200, body: buildSubmitted({ id, schoolId }) }),
    });
    renderApp(`/assessments/${id}`);
    await screen.findByRole('heading', { name: 'Hazards' }, slow);
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'School safety report' }, slow)).toBeTruthy();
    const [put] = mock.find(`PUT /api/v1/assessments/${id}`);
    expect((put?.body as { submit: boolean }).submit).toBe(true);
    expect(localStorage.getItem(`safeschools.assessment-draft.${id}`)).toBeNull();
  });

  it('opens a draft kept on the device while the server is out of reach', async () => {
    const id = fixtureId();
    keepOnDevice(id, fixtureId(), { fnd_sdmc: 'yes' });
    const online = mockApi({
      'GET /api/v1/auth/me': me,
      [`GET /api/v1/assessments/${id}`]: () => problem('NOT_FOUND', 404),
      [`GET /api/v1/instruments/${instrument.id}`]: () => ({ status: 200, body: instrument }),
    });
    const first = renderApp(`/assessments/${id}`);
    await screen.findByRole('heading', { name: 'Hazards' }, slow);
    first.unmount();
    expect(online.find(`GET /api/v1/instruments/${instrument.id}`)).toHaveLength(1);

    const down = () => {
      throw new TypeError('Failed to fetch');
    };
    mockApi({
      'GET /api/v1/auth/me': me,
      [`GET /api/v1/assessments/${id}`]: down,
      [`GET /api/v1/instruments/${instrument.id}`]: down,
    });
    renderApp(`/assessments/${id}`);
    expect(await screen.findByText(/this is the copy kept on this device/, {}, slow)).toBeTruthy();
    await screen.findByRole('heading', { name: 'Hazards' }, slow);
    expect(within(committeeQuestion()).getByRole<HTMLInputElement>('radio', { name: 'Yes' }).checked).toBe(true);
  });

  it('does not submit while required questions are unanswered', async () => {
    const { puts } = await openNewAssessment(fixtureId(), () => ({ status: 500 }));
    fireEvent.click(screen.getByRole('button', { name: 'Submit' }));
    expect(await within(committeeQuestion()).findByText('Please answer this question.', {}, slow)).toBeTruthy();
    expect(puts).toHaveLength(0);
    // The first question of the form is the first unanswered one, and it takes the focus.
    await waitFor(() => expect(document.activeElement?.closest('fieldset')?.textContent).toMatch(/^Which of these have affected the school/), slow);
  });
});
