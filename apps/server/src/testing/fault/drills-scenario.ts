import { ApiClient, NetworkError, pollUntil, sleep, type ApiResponse } from './api-client.js';
import { canonical, checkDrillsAtTheEnd, makeDrillWrite, type DrillWrite } from './drill-writes.js';
import { ADMIN, killAndRestart, type ScenarioContext } from './scenario-context.js';

const FOCAL = { email: 'focal@fault.example.org', password: 'fault-test focal point passphrase' };

/**
 * A burst of offline-replayed writes: a focal point's phone sends many drill records at once (each with its
 * client-made id and Idempotency-Key), the server is killed in the middle of the burst and started again at once,
 * and the phone's outbox replays every one of them with the same key, in order, since it cannot know which landed.
 * Every replay must succeed (the stored answer, or the write now), and in the end every drill is there exactly once.
 */
export async function drillsScenario(ctx: ScenarioContext): Promise<void> {
  const { server, report, random, options, db } = ctx;
  await server.start();
  const admin = await ApiClient.signIn(() => server.url, ADMIN.email, ADMIN.password);
  const schoolId = await oneSchool(admin);
  const invited = await admin.expect<{ invitationPath: string }>(201, 'POST', '/api/v1/users', {
    json: { email: FOCAL.email, role: 'school_focal_point', language: 'en', scope: { areaIds: [], schoolIds: [schoolId] } },
  });
  const token = new URLSearchParams(invited.invitationPath.split('?')[1]).get('token') ?? '';
  const focal = await ApiClient.acceptInvitation(() => server.url, token, 'Fault focal point', FOCAL.password);
  const send = (w: DrillWrite) =>
    focal.request('POST', `/api/v1/schools/${schoolId}/drills`, { json: w.body, headers: { 'idempotency-key': w.key } });

  const all: DrillWrite[] = [];
  for (let round = 1; round <= options.kills; round++) {
    const writes = Array.from({ length: options.drillWrites }, (_, i) => makeDrillWrite(random, round, i));
    all.push(...writes);
    // Kill once `answered` of the writes have been answered (0: as the burst leaves), and a moment more.
    const answered = random.int(0, writes.length - 1);
    const jitter = random.int(0, 30);
    const first: (ApiResponse | NetworkError)[] = [];
    let count = 0;
    let reach = () => {};
    const reached = new Promise<void>((resolve) => (reach = resolve));
    if (answered === 0) reach();
    const burst = writes.map((w, i) =>
      send(w)
        .then(
          (r) => void (first[i] = r),
          (error: unknown) => {
            if (!(error instanceof NetworkError)) throw error;
            first[i] = error;
          },
        )
        .finally(() => {
          if (++count >= answered) reach();
        }),
    );
    await reached;
    await sleep(jitter);
    const landed = await killAndRestart(ctx, async (q) => {
      const [row] = await q<{ n: number }>('SELECT count(*)::int AS n FROM drills WHERE id = ANY($1::uuid[])', [
        writes.map((w) => w.body.id),
      ]);
      return row?.n ?? 0;
    });
    await Promise.all(burst);
    const when = `kill ${report.kills} (after ${answered} answers + ${jitter} ms)`;
    const ok = first.filter((r) => !(r instanceof NetworkError) && r.status === 201).length;
    ctx.log(`${when}: ${ok} answered 201, ${landed} of ${writes.length} in the database`);
    for (const [i, r] of first.entries()) {
      if (!(r instanceof NetworkError) && r.status !== 201)
        report.problem('other', `${when}: write ${i} was answered ${r.status} before the kill: ${r.text.slice(0, 200)}`);
    }

    // The outbox replays everything it holds, oldest first, with the keys it made.
    for (const [i, w] of writes.entries()) {
      const r = await send(w);
      const before = first[i];
      report.check(
        1,
        r.status === 201,
        r.status >= 500 ? 'other' : 'lost',
        () => `${when}: the replay of drill ${w.body.id} was answered ${r.status}: ${r.text.slice(0, 200)}`,
      );
      if (r.status !== 201) continue;
      const drill = r.json<{ id: string; version: number }>();
      report.check(
        1,
        drill.id === w.body.id,
        'duplicated',
        () => `${when}: the replay of drill ${w.body.id} answered with drill ${drill.id}`,
      );
      if (before && !(before instanceof NetworkError) && before.status === 201) {
        report.check(
          1,
          canonical(r.json()) === canonical(before.json()),
          'duplicated',
          () => `${when}: the replay of drill ${w.body.id} answered otherwise than its first write`,
        );
      }
    }
  }
  const code = await server.stop();
  if (code !== 0) report.note(`the graceful stop at the end exited with ${code}`);
  await db.read((q) => checkDrillsAtTheEnd(q, report, all, FOCAL.email));
}

/** A registry of one school (imported, as any registry is), and its id. */
async function oneSchool(admin: ApiClient): Promise<string> {
  const { id } = await admin.startSchoolImport(
    'school_id_govt,school_name,latitude,longitude\n11010100101,Fault Drill School,27.33,88.61\n',
    'one-school.csv',
  );
  await pollUntil(
    () => admin.expect<{ status: string }>(200, 'GET', `/api/v1/imports/${id}`),
    (i) => i.status === 'completed',
    'the school of the drills to be imported',
    120_000,
    100,
  );
  const schools = await admin.expect<{ items: { id: string }[] }>(200, 'GET', '/api/v1/schools');
  if (!schools.items[0]) throw new Error('the imported school is not listed');
  return schools.items[0].id;
}
