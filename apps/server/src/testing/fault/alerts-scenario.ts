import { startSmtpSink, type SmtpSink } from '../fakes/smtp-sink.js';
import { ApiClient, NetworkError, pollFor, pollUntil, sleep } from './api-client.js';
import { checkAlertsAtTheEnd, readAlertsAtKill } from './alerts-checks.js';
import { ADMIN, killAndRestart, type ScenarioContext } from './scenario-context.js';
import type { SeededRandom } from './seeded-random.js';

const MAIL_DOMAIN = 'fault.example.org';
/** The schools lie in this box (Odisha's coast); each alert's polygon is a random part of it. */
const BOX = { south: 19.5, north: 21.5, west: 84.5, east: 86.5 };
const FOCAL_USERS = 6;
const LONG = 20 * 60_000;
/**
 * How long to wait, after a restart, for every notice to be fanned out and every row sent: a row a killed server
 * left `sending` is queued again once it is older than STUCK_SENDING_MS (2 minutes) by the minutely due sweep. A
 * safety net only: whatever is still unfinished then is reported by the checks.
 */
const SETTLE_MS = 200_000;

interface School {
  code: string;
  lat: number;
  lon: number;
}

interface NoticeView {
  id: string;
  state: 'pending' | 'queued';
  counts: Record<string, number>;
}

/**
 * Alerts fanned out and delivered while the server is killed: CAP alerts (Actual, severity Extreme: the built-in
 * rule tells every school they reach) are uploaded over a few hundred schools with registry contacts and
 * focal-point users; the server, sending through a real SMTP server on loopback run by this process, is killed at a
 * random moment of the upload, the evaluation, the fan-out or the delivery, and started again at once. When
 * everything has settled, every person each alert should reach (worked out from the registry, not the alerting
 * code) has received its message, one Message-ID, and no outbox row is left unfinished (alerts-checks.ts).
 */
export async function alertsScenario(ctx: ScenarioContext): Promise<void> {
  const { server, options } = ctx;
  const sink = await startSmtpSink();
  try {
    server.setEnv({
      SMTP_URL: sink.url,
      MAIL_FROM: `SafeSchools fault test <alerts@${MAIL_DOMAIN}>`,
      PUBLIC_URL: 'http://127.0.0.1:9',
      // Delivery takes a few seconds per alert, so that kills land in it as well as in the fan-out.
      RATE_EMAIL_PER_SECOND: String(options.alertRate),
    });
    await run(ctx, sink);
  } finally {
    await sink.close();
  }
}

async function run(ctx: ScenarioContext, sink: SmtpSink): Promise<void> {
  const { server, report, random, options, db } = ctx;
  await server.start();
  const admin = await ApiClient.signIn(() => server.url, ADMIN.email, ADMIN.password);
  const schools = makeSchools(random, options.alertSchools);
  await importSchools(admin, schools);
  const ids = await admin.expect<{ items: { id: string; code: string }[]; nextCursor?: string | null }>(
    200,
    'GET',
    `/api/v1/schools?limit=${Math.min(500, schools.length)}`,
  );
  const schoolIds = ids.items.map((s) => s.id);
  for (let i = 0; i < FOCAL_USERS && i < schoolIds.length; i++) {
    const invited = await admin.expect<{ invitationPath: string }>(201, 'POST', '/api/v1/users', {
      json: {
        email: `focal-user-${i}@example.org`,
        role: 'school_focal_point',
        language: (['en', 'hi', 'ja'] as const)[i % 3],
        scope: { areaIds: [], schoolIds: [schoolIds[random.int(0, schoolIds.length - 1)]] },
      },
    });
    const token = new URLSearchParams(invited.invitationPath.split('?')[1]).get('token') ?? '';
    await ApiClient.acceptInvitation(() => server.url, token, `Fault focal point ${i}`, `fault focal point passphrase ${i}`);
  }
  // The registry's contacts carry e-mail addresses only in the database (an import takes names and phones).
  const code = await server.stop();
  if (code !== 0) report.note(`the graceful stop before writing the contacts exited with ${code}`);
  await db.read(async (q) => {
    const focal = schools.map((s) => (random.next() < 0.9 ? `focal-${s.code}@example.org` : null));
    const head = schools.map((s) => (random.next() < 0.7 ? `head-${s.code}@example.org` : null));
    await q(
      `UPDATE schools s SET
         safety_focal_point = CASE WHEN t.focal IS NULL THEN NULL ELSE jsonb_build_object('name', 'Focal ' || t.code, 'email', t.focal) END,
         head_teacher = CASE WHEN t.head IS NULL THEN NULL ELSE jsonb_build_object('name', 'Head ' || t.code, 'email', t.head) END
        FROM unnest($1::text[], $2::text[], $3::text[]) AS t(code, focal, head) WHERE s.code = t.code`,
      [schools.map((s) => s.code), focal, head],
    );
  });
  await server.start();
  const mailsBefore = sink.messages.items.length;

  // One round without a kill: how long alerts take from upload to the last mail sets the range of kill moments.
  let alertNo = 0;
  const upload = () => uploadAlert(admin, random, ++alertNo, ctx.options.seed);
  const t0 = Date.now();
  await Promise.all(Array.from({ length: options.alertEvents }, upload));
  await settle(ctx, admin, `the first ${options.alertEvents} alert(s)`);
  const roundMs = Date.now() - t0;
  ctx.log(`${options.alertEvents} alert(s) without a kill: ${roundMs} ms, ${sink.messages.items.length - mailsBefore} mails`);

  for (let round = 1; round <= options.kills; round++) {
    const jitter = random.int(0, roundMs);
    const uploads = Array.from({ length: options.alertEvents }, () =>
      upload().catch((error: unknown) => {
        // Killed under the request: the alert may or may not have been stored; the checks read which.
        if (!(error instanceof NetworkError)) throw error;
      }),
    );
    await sleep(jitter);
    const atKill = await killAndRestart(ctx, readAlertsAtKill);
    await Promise.all(uploads);
    ctx.log(
      `kill ${report.kills} (${jitter} ms after the upload of ${options.alertEvents} alert(s)): notices ${JSON.stringify(atKill.notices)}, rows ${JSON.stringify(atKill.rows)}`,
    );
    await settle(ctx, admin, `round ${round}`);
  }
  const stopped = await server.stop();
  if (stopped !== 0) report.note(`the graceful stop at the end exited with ${stopped}`);
  // The invitations of the focal-point users came before: only what the alerts sent is counted.
  const mails = sink.messages.items.slice(mailsBefore).map((m) => ({ to: m.envelope.to[0] ?? '', messageId: m.messageId }));
  const seen = await db.read((q) => checkAlertsAtTheEnd(q, report, mails, MAIL_DOMAIN));
  ctx.log(`${seen.events} alerts, ${seen.recipients} people to tell, ${mails.length} mails received, ${seen.copies} raw second copies`);
}

/**
 * Waits until every event's notices are fanned out (`queued`) and none of their rows is waiting, queued or being
 * sent, read through the API (on PGlite the database is the server's alone while it runs). Not reaching it is not
 * an error here: the checks at the end say what was left.
 */
async function settle(ctx: ScenarioContext, admin: ApiClient, what: string): Promise<void> {
  const readAll = async () => {
    const events = await admin.expect<{ items: { id: string }[] }>(200, 'GET', '/api/v1/events?limit=100');
    return Promise.all(
      events.items.map(async (e) => (await admin.expect<{ items: NoticeView[] }>(200, 'GET', `/api/v1/events/${e.id}/notices`)).items),
    );
  };
  const done = (all: NoticeView[][]) =>
    all.every((notices) => notices.length > 0 && notices.every((n) => n.state === 'queued' && !['waiting', 'queued', 'sending'].some((s) => (n.counts[s] ?? 0) > 0)));
  const polled = await pollFor(readAll, done, SETTLE_MS, 250);
  if (!polled.reached) {
    const left = (polled.value ?? []).flat().filter((n) => n.state !== 'queued' || ['queued', 'sending'].some((s) => (n.counts[s] ?? 0) > 0));
    const none = (polled.value ?? []).filter((n) => n.length === 0).length;
    ctx.log(`${what}: not settled within ${SETTLE_MS / 1000} s: ${none} event(s) without a notice, ${JSON.stringify(left).slice(0, 500)}`);
  }
}

function makeSchools(random: SeededRandom, count: number): School[] {
  return Array.from({ length: count }, (_, i) => ({
    code: String(21_000_000_000 + i).padStart(11, '0'),
    lat: Math.round(random.between(BOX.south, BOX.north) * 1e5) / 1e5,
    lon: Math.round(random.between(BOX.west, BOX.east) * 1e5) / 1e5,
  }));
}

async function importSchools(admin: ApiClient, schools: readonly School[]): Promise<void> {
  const csv = [
    'school_id_govt,school_name,latitude,longitude',
    ...schools.map((s) => `${s.code},Fault Alert School ${s.code},${s.lat.toFixed(5)},${s.lon.toFixed(5)}`),
  ].join('\n');
  const { id } = await admin.startSchoolImport(`${csv}\n`, 'alert-schools.csv');
  const done = await pollUntil(
    () => admin.expect<{ status: string }>(200, 'GET', `/api/v1/imports/${id}`),
    (i) => !['queued', 'running'].includes(i.status),
    'the schools of the alerts to be imported',
    LONG,
    100,
  );
  if (done.status !== 'completed') throw new Error(`the import of the alert schools ended ${done.status}`);
}

/** A CAP alert (Actual, Extreme) whose polygon is a random rectangle covering a large part of the schools' box. */
async function uploadAlert(admin: ApiClient, random: SeededRandom, n: number, seed: number): Promise<void> {
  const height = (BOX.north - BOX.south) * random.between(0.5, 0.95);
  const width = (BOX.east - BOX.west) * random.between(0.5, 0.95);
  const south = BOX.south + random.between(0, BOX.north - BOX.south - height);
  const west = BOX.west + random.between(0, BOX.east - BOX.west - width);
  const [n1, e1] = [south + height, west + width];
  const ring = [
    [south, west],
    [n1, west],
    [n1, e1],
    [south, e1],
    [south, west],
  ]
    .map(([lat, lon]) => `${lat!.toFixed(4)},${lon!.toFixed(4)}`)
    .join(' ');
  const xml = `<?xml version="1.0"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>fault-alert-${seed}-${n}</identifier><sender>${MAIL_DOMAIN}</sender><sent>${new Date().toISOString().replace(/\.\d+Z$/, '+00:00')}</sent><status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
<info><language>en-IN</language><category>Met</category><event>Cyclone</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Likely</certainty><headline>Fault test alert ${n}</headline>
<area><areaDesc>Fault test area ${n}</areaDesc><polygon>${ring}</polygon></area></info></alert>`;
  const form = new FormData();
  form.append('file', new Blob([xml], { type: 'application/xml' }), `fault-alert-${n}.xml`);
  const r = await admin.request('POST', '/api/v1/events', { form });
  if (r.status !== 201 && r.status !== 200) throw new Error(`the upload of alert ${n} answered ${r.status}: ${r.text.slice(0, 300)}`);
}
