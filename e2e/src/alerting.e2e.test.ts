import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkInText, composeSchoolMessage } from '@safeschools/domain';
import { startSmtpSink, type CapturedMail, type SmtpSink } from '../../apps/server/src/testing/fakes/smtp-sink.js';
import { startTwilioFake, type TwilioFake } from '../../apps/server/src/testing/fakes/twilio-fake.js';
import { ApiSession } from './api-session.js';
import { openBrowser } from './browser.js';
import { catalogue } from './catalogue.js';
import { capAlert, serveOnLoopback, shakeMapGrid, usgsSummaryFeed, type Quake } from './hazard-messages.js';
import { waitForMapColours } from './map-pixels.js';
import { freeLoopbackPort, openPhoneBrowser } from './phone-browser.js';
import { signIn } from './sign-in.js';
import { ADMIN, startBuiltServer, type RunningServer } from './server.js';

/**
 * Issue 18's "done when" in Chromium, on the Sikkim demo registry (each school with a made-up registry focal-point
 * e-mail): a real SMTP server and a Twilio-compatible fake run on loopback inside the test; a CAP alert (Extreme)
 * over part of Gangtok tells every focal point of the schools inside, in their own language, with a check-in link,
 * and nobody else; the Hindi focal point answers on a 360×740 phone; the event page shows delivered and answered
 * counts and the answer on the map; an SMS, its out-of-order status callbacks and an inbound "SAFE"; a CAP Update
 * that takes in one more school tells only that school; a USGS feed on loopback makes an estimated earthquake
 * event with notices in one poll, and its ShakeMap then updates the same event.
 */

const en = catalogue('en');
const hi = catalogue('hi');
const ARTEFACTS = '/tmp/safeschools-e2e-alerting';
const LONG = { timeout: 60_000 };
/** The promise: every affected school's people are told within a minute. */
const WITHIN_A_MINUTE = 60_000;

interface DemoRow {
  code: string;
  name: string;
  lon: number;
  lat: number;
}
const demo: DemoRow[] = readFileSync(fileURLToPath(new URL('../../apps/server/demo/sikkim-schools.tsv', import.meta.url)), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [code, name, , , , lon, lat] = line.split('\t');
    return { code: code!, name: name!, lon: Number(lon), lat: Number(lat) };
  });

/** Lon/lat rectangles: the first alert's area over part of Gangtok, and its Update's, a little wider to the west. */
type Box = { west: number; east: number; south: number; north: number };
const ALERT_BOX: Box = { west: 88.6095, east: 88.6135, south: 27.3235, north: 27.3335 };
const UPDATE_BOX: Box = { ...ALERT_BOX, west: 88.6075 };
const corners = (b: Box): [number, number][] => [
  [b.west, b.south],
  [b.east, b.south],
  [b.east, b.north],
  [b.west, b.north],
];
const inside = (b: Box) => demo.filter((s) => s.lon > b.west && s.lon < b.east && s.lat > b.south && s.lat < b.north).map((s) => s.code).sort();

// Focal points: an English one and a Hindi one by e-mail, and one reached by SMS (a number nobody has: loopback only).
const FOCAL_EN = { email: 'focal.amitabha@e2e.example.org', name: 'Pema Lhamu', password: 'landslide drill every monsoon', code: '11040314902', language: 'en' as const };
const FOCAL_HI = { email: 'focal.tender@e2e.example.org', name: 'सुनीता राय', password: 'bhuskhalan abhyas har varsha', code: '11040300819', language: 'hi' as const };
const FOCAL_SMS = { email: 'focal.kids@e2e.example.org', name: 'Karma Bhutia', password: 'phone tree for every school', code: '11040314903', language: 'en' as const };
const PHONE_TYPED = '+91 90000 12345';
const PHONE = '+919000012345';
const TWILIO_FROM = '+15005550006';

const registryAddress = (code: string) => `focal-point.${code}@example.org`;
const devanagari = /[\u0900-\u097F]/;
const sameWords = (text: string) => text.replace(/\s+/g, ' ').trim();

let sink: SmtpSink;
let twilio: TwilioFake;
let feedHost: Awaited<ReturnType<typeof serveOnLoopback>>;
let server: RunningServer;
let browser: Awaited<ReturnType<typeof openBrowser>>;
let admin: ApiSession;
let publicUrl: string;

/** What the steps share. */
const state: {
  schoolIds: Map<string, string>;
  alert?: { id: string; title: string; hazardType: string | null; identifier: string; sender: string; sent: Date };
  links: Map<string, string>;
} = { schoolIds: new Map(), links: new Map() };

beforeAll(async () => {
  sink = await startSmtpSink();
  twilio = await startTwilioFake();
  feedHost = await serveOnLoopback();
  // The port first, so PUBLIC_URL (in links and the Twilio status callback) names the server itself.
  const port = await freeLoopbackPort();
  publicUrl = `http://127.0.0.1:${port}`;
  server = await startBuiltServer(
    {
      PUBLIC_URL: publicUrl,
      SMTP_URL: sink.url,
      MAIL_FROM: 'SafeSchools <alerts@safeschools.example.org>',
      SMS_PROVIDER: 'twilio',
      TWILIO_BASE_URL: twilio.baseUrl,
      TWILIO_ACCOUNT_SID: twilio.accountSid,
      TWILIO_AUTH_TOKEN: twilio.authToken,
      TWILIO_FROM,
      // The earthquake reaches hundreds of demo schools; the loopback sink takes them as fast as they come.
      RATE_EMAIL_PER_SECOND: '500',
    },
    { port },
  );
  expect(server.url).toBe(publicUrl);
  browser = await openBrowser();
  admin = await ApiSession.signIn(publicUrl, ADMIN.email, ADMIN.password);
}, 240_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
  await feedHost?.close();
  await twilio?.close();
  await sink?.close();
});

/** Mails received since `from` (an index into what the sink holds). */
const mailsSince = (from: number): CapturedMail[] => sink.messages.items.slice(from);
const recipientOf = (mail: CapturedMail) => (mail.envelope.to[0] ?? '').toLowerCase();

/** The check-in links `PUBLIC_URL/c/<token>` in a text. */
function checkInLinks(text: string): string[] {
  const escaped = publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`${escaped}/c/([A-Za-z0-9_-]{16,})`, 'g'))].map((m) => m[0]);
}

async function schoolByCode(code: string): Promise<{ id: string; name: string }> {
  const found = await admin.get<{ items: { id: string; code: string | null; name: string }[] }>(`/api/v1/schools?q=${code}`);
  const school = found.items.find((s) => s.code === code);
  if (!school) throw new Error(`demo school ${code} not found`);
  state.schoolIds.set(code, school.id);
  return school;
}

interface ImpactSchool {
  schoolId: string;
  code: string | null;
  name: string;
  band: number;
}
/** Every affected school of an event (all pages), optionally from a band up. */
async function affectedSchools(eventId: string, minBand?: number): Promise<ImpactSchool[]> {
  const all: ImpactSchool[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ limit: '500', ...(minBand ? { minBand: String(minBand) } : {}), ...(cursor ? { cursor } : {}) });
    const page: { schools: { items: ImpactSchool[]; nextCursor: string | null } } = await admin.get(`/api/v1/events/${eventId}/impact?${query}`);
    all.push(...page.schools.items);
    cursor = page.schools.nextCursor;
  } while (cursor);
  return all;
}

/** Waits until no message of the event is queued, sending or waiting for a fallback. */
async function deliverySettled(eventId: string, timeout = 120_000): Promise<Record<string, Record<string, number>>> {
  let byChannel: Record<string, Record<string, number>> = {};
  await expect
    .poll(
      async () => {
        const summary = await admin.get<{ inFlight: boolean; byChannel: Record<string, Record<string, number>> }>(`/api/v1/events/${eventId}/notifications/summary`);
        byChannel = summary.byChannel;
        return summary.inFlight;
      },
      { timeout, interval: 500, message: 'messages of the event were still in flight' },
    )
    .toBe(false);
  return byChannel;
}

/** What the public check-in API says a link is about (no sign-in: the token is the credential). */
async function linkView(link: string): Promise<{ schoolName: string; eventTitle: string; language: string }> {
  const token = link.slice(link.lastIndexOf('/') + 1);
  const response = await fetch(`${publicUrl}/api/v1/check-ins/${token}`);
  expect(response.status, `check-in link ${link}`).toBe(200);
  return (await response.json()) as { schoolName: string; eventTitle: string; language: string };
}

async function uploadHazard(xml: string, fileName: string): Promise<{ status: number; body: { id: string; kind: string; estimated: boolean; status: string; title: string } }> {
  const form = new FormData();
  form.append('file', new Blob([xml], { type: 'application/xml' }), fileName);
  return admin.call('POST', '/api/v1/events', form);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: `${ARTEFACTS}-${name}.png`, fullPage });
}

describe('alerting end to end: an alert reaches every affected school and they answer back', () => {
  it(
    'invites the focal points by e-mail; one gives a phone for SMS',
    async () => {
      const page = await browser.context.newPage();
      for (const focal of [FOCAL_EN, FOCAL_HI, FOCAL_SMS]) {
        const school = await schoolByCode(focal.code);
        const before = sink.messages.items.length;
        const invited = await admin.call<{ invitationPath: string; emailed: boolean; user: { id: string; language: string } }>('POST', '/api/v1/users', {
          email: focal.email,
          role: 'school_focal_point',
          language: focal.language,
          scope: { schoolIds: [school.id] },
        });
        expect(invited.status, JSON.stringify(invited.body)).toBe(201);
        expect(invited.body.emailed).toBe(true);
        // The invitation arrives by e-mail, in the invitee's language, with the link to follow.
        const [mail] = (await sink.messages.waitFor((items) => items.slice(before).some((m) => recipientOf(m) === focal.email), 30_000))
          .slice(before)
          .filter((m) => recipientOf(m) === focal.email);
        const link = new RegExp(`${publicUrl.replace(/[.]/g, '\\.')}(/accept-invitation\\?token=[^\\s>]+)`).exec(mail!.text)?.[1];
        expect(link, mail!.text).toBe(invited.body.invitationPath);
        if (focal.language === 'hi') expect(mail!.subject ?? '').toMatch(devanagari);
        // Accepted through the link from the mail, in the browser.
        await page.context().clearCookies();
        await page.goto(`${publicUrl}${link}`);
        await page.getByLabel(en('invitation.name')).fill(focal.name);
        await page.getByLabel(en('invitation.password')).fill(focal.password);
        await page.getByLabel(en('invitation.confirmPassword')).fill(focal.password);
        await page.getByRole('button', { name: en('invitation.submit') }).click();
        // Home, in English or already in the invitee's language.
        await page.getByRole('heading', { level: 1, name: new RegExp(`^(${en('dashboard.title')}|${hi('dashboard.title')})$`) }).waitFor(LONG);
      }

      // The third focal point gives a phone and chooses SMS, signed in as themself.
      const self = await ApiSession.signIn(publicUrl, FOCAL_SMS.email, FOCAL_SMS.password);
      const refused = await self.call<{ code: string }>('PATCH', '/api/v1/auth/me', { phone: '12345' });
      expect(refused.status).toBe(400);
      expect(refused.body.code).toBe('PHONE_INVALID');
      const changed = await self.call<{ phone: string | null; channels: string[] }>('PATCH', '/api/v1/auth/me', { phone: PHONE_TYPED, channels: ['sms'] });
      expect(changed.status, JSON.stringify(changed.body)).toBe(200);
      expect(changed.body).toMatchObject({ phone: PHONE, channels: ['sms'] });
      await page.close();
    },
    300_000,
  );

  it(
    'tells every focal point of the schools inside a CAP alert within a minute, in their language, and nobody else',
    async () => {
      const expectedCodes = inside(ALERT_BOX);
      // A handful of schools inside, most of the registry outside; the focal points' schools are inside.
      expect(expectedCodes.length).toBeGreaterThanOrEqual(3);
      expect(expectedCodes.length).toBeLessThan(10);
      expect(expectedCodes).toEqual(expect.arrayContaining([FOCAL_EN.code, FOCAL_HI.code, FOCAL_SMS.code]));

      const sent = new Date(Math.floor(Date.now() / 1000) * 1000);
      const cap = { identifier: `IN-SSDMA-E2E-${sent.getTime()}`, sender: 'ssdma.e2e@example.org', sent };
      const xml = capAlert({ ...cap, corners: corners(ALERT_BOX), event: 'Landslide', headline: 'Landslide warning for upper Gangtok' });

      // The administrator uploads it through the events page.
      const page = await browser.context.newPage();
      await signIn(page, publicUrl, ADMIN.email, ADMIN.password);
      const before = sink.messages.items.length;
      const smsBefore = twilio.messages.items.length;
      await page.goto(`${publicUrl}/events`);
      const form = page.getByRole('form', { name: en('events.upload.title') });
      await form.getByLabel(en('events.upload.file')).setInputFiles({ name: 'landslide-gangtok.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) });
      await form.getByRole('button', { name: en('events.upload.submit') }).click();
      await page.waitForURL(/\/events\/[0-9a-f-]{36}$/, LONG);
      const eventId = /\/events\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
      const event = await admin.get<{ id: string; title: string; hazardType: string | null; kind: string; status: string }>(`/api/v1/events/${eventId}`);
      expect(event).toMatchObject({ kind: 'cap', status: 'actual' });
      state.alert = { id: eventId, title: event.title, hazardType: event.hazardType, ...cap };
      await page.close();

      // The server's list of affected schools is exactly the demo schools inside the polygon.
      const affected = await affectedSchools(eventId);
      expect(affected.map((s) => s.code).sort()).toEqual(expectedCodes);
      const nameOf = new Map(affected.map((s) => [s.code!, s.name]));

      // Who must be told by e-mail: the registry focal point of every school inside, and the two e-mail users. The
      // registry contact speaks the language of the school's focal-point user, else the default (Hindi for India).
      const languageOfSchool = new Map<string, 'en' | 'hi'>([
        [FOCAL_EN.code, 'en'],
        [FOCAL_HI.code, 'hi'],
        [FOCAL_SMS.code, 'en'],
      ]);
      const expected = new Map<string, { code: string; language: 'en' | 'hi' }>([
        ...expectedCodes.map((code) => [registryAddress(code), { code, language: languageOfSchool.get(code) ?? 'hi' }] as const),
        [FOCAL_EN.email, { code: FOCAL_EN.code, language: 'en' }],
        [FOCAL_HI.email, { code: FOCAL_HI.code, language: 'hi' }],
      ]);
      await sink.messages.waitFor((items) => {
        const got = new Set(items.slice(before).map(recipientOf));
        return [...expected.keys()].every((address) => got.has(address));
      }, WITHIN_A_MINUTE);
      // Nothing else is on its way (the SMS included), so what the sink holds is all that was sent.
      await deliverySettled(eventId);
      const mails = mailsSince(before);
      expect(mails.map(recipientOf).sort()).toEqual([...expected.keys()].sort());

      for (const mail of mails) {
        const who = expected.get(recipientOf(mail))!;
        const school = nameOf.get(who.code)!;
        // In their own language: the subject the alert template gives for that school, in that language.
        const words = composeSchoolMessage({ kind: 'alert', language: who.language, school, hazardType: event.hazardType, reach: null, planSteps: null, link: '' });
        expect(sameWords(mail.subject ?? ''), recipientOf(mail)).toBe(sameWords(words.subject));
        if (who.language === 'hi') expect(mail.text).toMatch(devanagari);
        else expect(mail.text).not.toMatch(devanagari);
        // One personal check-in link, for that school and this event.
        const links = checkInLinks(mail.text);
        expect(links, mail.text).toHaveLength(1);
        const view = await linkView(links[0]!);
        expect(sameWords(view.schoolName)).toBe(sameWords(school));
        expect(view.eventTitle).toBe(event.title);
        state.links.set(recipientOf(mail), links[0]!);
        // Every e-mail can be unsubscribed from in one click (RFC 8058), by its own link.
        expect(mail.headers.get('list-unsubscribe'), recipientOf(mail)).toMatch(/\/u\/[A-Za-z0-9_-]{16,}>/);
        expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
      }
      // The Hindi focal point's own mail is in Devanagari.
      expect(mails.find((m) => recipientOf(m) === FOCAL_HI.email)!.subject).toMatch(devanagari);

      // The SMS focal point got no e-mail but an SMS with a check-in link, through the Twilio-compatible fake.
      const sms = twilio.messages.items.slice(smsBefore);
      expect(sms.map((m) => m.to)).toEqual([PHONE]);
      expect(sms[0]).toMatchObject({ from: TWILIO_FROM, statusCallback: `${publicUrl}/api/v1/hooks/twilio/status` });
      expect(checkInLinks(sms[0]!.body)).toHaveLength(1);
      expect((await linkView(checkInLinks(sms[0]!.body)[0]!)).schoolName).toBe(nameOf.get(FOCAL_SMS.code));
    },
    300_000,
  );

  it(
    'lets the Hindi focal point answer "building damaged, 2 injured" on a 360×740 phone without signing in',
    async () => {
      const link = state.links.get(FOCAL_HI.email)!;
      const phone = await openPhoneBrowser('hi-IN');
      try {
        const page = await phone.context.newPage();
        const response = await page.goto(link);
        expect(response?.status()).toBe(200);
        expect(await page.locator('html').getAttribute('lang')).toBe('hi');
        // The tiny page: no script, no map.
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.locator('canvas, img').count()).toBe(0);
        const school = await admin.get<{ name: string }>(`/api/v1/schools/${state.schoolIds.get(FOCAL_HI.code)}`);
        await page.getByRole('heading', { level: 1 }).filter({ hasText: school.name.trim() }).waitFor(LONG);
        await shot(page, 'phone-form');
        // Nothing spills sideways on a 360 px screen.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

        await page.getByLabel(checkInText('injured', 'hi'), { exact: true }).fill('2');
        await page.getByRole('button', { name: checkInText('building_damaged', 'hi'), exact: true }).click();
        await page.getByText(checkInText('thanksTitle', 'hi')).waitFor(LONG);
        await shot(page, 'phone-answered');
      } finally {
        await phone.close();
      }

      const checkIns = await admin.get<{ schools: { schoolId: string; answer: { status: string; injured: number | null; missing: number | null; via: string } | null }[] }>(
        `/api/v1/events/${state.alert!.id}/check-ins`,
      );
      const answer = checkIns.schools.find((s) => s.schoolId === state.schoolIds.get(FOCAL_HI.code))?.answer;
      // 2 injured; what was not given stays unknown, not 0.
      expect(answer).toMatchObject({ status: 'building_damaged', injured: 2, missing: null, via: 'link' });
    },
    180_000,
  );

  it(
    'shows delivered and answered counts on the event page and the answer on the map',
    async () => {
      const eventId = state.alert!.id;
      const affected = await affectedSchools(eventId);
      const page = await browser.context.newPage();
      await signIn(page, publicUrl, ADMIN.email, ADMIN.password);
      await page.goto(`${publicUrl}/events/${eventId}`);

      // The check-ins panel: every affected school was told and has a delivered message; one has answered.
      const checkIns = page.getByRole('region', { name: en('checkIns.title') });
      await checkIns.waitFor(LONG);
      const figure = (label: string) => checkIns.locator('dl div').filter({ has: page.getByRole('term').filter({ hasText: new RegExp(`^${label}$`) }) }).getByRole('definition');
      await expect.poll(() => figure(en('checkIns.totals.affected')).textContent(), LONG).toBe(String(affected.length));
      expect(await figure(en('checkIns.totals.told')).textContent()).toBe(String(affected.length));
      expect(await figure(en('checkIns.totals.delivered')).textContent()).toBe(String(affected.length));
      expect(await figure(en('checkIns.totals.answered')).textContent()).toBe('1');
      const answers = checkIns.getByRole('table');
      await answers.getByRole('row').filter({ hasText: en('checkIns.status.building_damaged') }).waitFor(LONG);

      // The delivery panel: the e-mails delivered, by channel.
      const delivery = page.getByRole('region', { name: en('delivery.title') });
      const byChannel = delivery.getByRole('table', { name: en('delivery.byChannel') });
      const columns = (await byChannel.locator('thead th').allTextContents()).slice(1);
      const emailRow = byChannel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: en('delivery.channel.email') }) });
      await emailRow.waitFor(LONG);
      const cells = await emailRow.getByRole('cell').allTextContents();
      expect(cells[columns.indexOf(en('delivery.state.delivered'))]).toBe(String(affected.length + 2));
      expect(cells[columns.indexOf(en('delivery.state.failed'))]).toBe('0');

      // The answer on the map: the building-damaged ring drawn around the school.
      const map = page.getByTestId('hazard-map');
      await expect.poll(() => map.getAttribute('data-rendered-schools'), LONG).toBe(String(affected.length));
      await waitForMapColours(map, ['#8250df'], `${ARTEFACTS}-event-map.png`);
      await shot(page, 'event-page');
      await page.close();
    },
    180_000,
  );

  it(
    'sends an SMS through the Twilio fake, takes its status callbacks out of order, and an inbound SAFE as a check-in',
    async () => {
      const eventId = state.alert!.id;
      const message = twilio.messages.items.find((m) => m.to === PHONE)!;
      // A callback with a bad signature is refused and changes nothing.
      const forged = twilio.statusCallback(message.sid, 'failed');
      expect((await twilio.deliver({ ...forged, headers: { ...forged.headers, 'x-twilio-signature': 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } })).status).toBe(401);
      // 'delivered' first, then a late 'sent': statuses only move forward.
      expect((await twilio.deliver(twilio.statusCallback(message.sid, 'delivered'))).status).toBe(200);
      expect((await twilio.deliver(twilio.statusCallback(message.sid, 'sent'))).status).toBe(200);
      const log = await admin.get<{ items: { channel: string; state: string; address: string | null; provider: string | null; deliveredAt: string | null }[] }>(
        `/api/v1/events/${eventId}/notifications?channel=sms`,
      );
      expect(log.items).toHaveLength(1);
      expect(log.items[0]).toMatchObject({ channel: 'sms', state: 'delivered', address: PHONE });
      expect(log.items[0]!.deliveredAt).not.toBeNull();

      // The focal point answers the SMS: "SAFE" is the school's check-in.
      const reply = twilio.inbound(`${publicUrl}/api/v1/hooks/twilio/inbound`, { from: PHONE, body: 'SAFE', to: TWILIO_FROM });
      expect((await twilio.deliver(reply)).status).toBe(200);
      const checkIns = await admin.get<{ totals: { answered: number }; schools: { schoolId: string; answer: { status: string; via: string } | null }[] }>(
        `/api/v1/events/${eventId}/check-ins`,
      );
      expect(checkIns.schools.find((s) => s.schoolId === state.schoolIds.get(FOCAL_SMS.code))?.answer).toMatchObject({ status: 'all_safe', via: 'sms' });
      expect(checkIns.totals.answered).toBe(2);
    },
    120_000,
  );

  it(
    'tells only the school a CAP Update takes in',
    async () => {
      const alert = state.alert!;
      const added = inside(UPDATE_BOX).filter((code) => !inside(ALERT_BOX).includes(code));
      expect(added).toHaveLength(1);
      const before = sink.messages.items.length;
      const smsBefore = twilio.messages.items.length;
      const sent = new Date(Math.max(Date.now(), alert.sent.getTime() + 60_000));
      const update = capAlert({
        identifier: `${alert.identifier}-U1`,
        sender: alert.sender,
        sent: new Date(Math.floor(sent.getTime() / 1000) * 1000),
        corners: corners(UPDATE_BOX),
        event: 'Landslide',
        headline: 'Landslide warning for upper Gangtok, extended west',
        updates: { sender: alert.sender, identifier: alert.identifier, sent: alert.sent },
      });
      const uploaded = await uploadHazard(update, 'landslide-gangtok-update.xml');
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
      expect(uploaded.body.id).toBe(alert.id);
      expect((await affectedSchools(alert.id)).map((s) => s.code).sort()).toEqual(inside(UPDATE_BOX));

      const address = registryAddress(added[0]!);
      await sink.messages.waitFor((items) => items.slice(before).some((m) => recipientOf(m) === address), WITHIN_A_MINUTE);
      await deliverySettled(alert.id);
      const mails = mailsSince(before);
      expect(mails.map(recipientOf)).toEqual([address]);
      expect(twilio.messages.items.length).toBe(smsBefore);
      const school = (await schoolByCode(added[0]!)).name;
      const words = composeSchoolMessage({ kind: 'update', language: 'hi', school, hazardType: alert.hazardType, reach: null, planSteps: null, link: '' });
      expect(sameWords(mails[0]!.subject ?? '')).toBe(sameWords(words.subject));
      expect((await linkView(checkInLinks(mails[0]!.text)[0]!)).eventTitle).toBe((await admin.get<{ title: string }>(`/api/v1/events/${alert.id}`)).title);
    },
    180_000,
  );

  it(
    'makes an estimated earthquake event with notices in one poll of a USGS feed, and its ShakeMap updates the same event',
    async () => {
      const quake: Quake = {
        id: 'us6000test',
        magnitude: 6.5,
        lon: 88.4,
        lat: 27.5,
        depthKm: 10,
        time: new Date(Math.floor(Date.now() / 1000) * 1000 - 3 * 60_000),
        place: '20 km NW of Gangtok, India',
      };
      feedHost.set('/earthquakes/feed/v1.0/summary/significant_hour.geojson', 'application/geo+json', usgsSummaryFeed([quake]));
      const added = await admin.call<{ id: string; kind: string; enabled: boolean }>('POST', '/api/v1/feeds', {
        url: `${feedHost.url}/earthquakes/feed/v1.0/summary/significant_hour.geojson`,
        name: 'USGS significant earthquakes (loopback)',
        kind: 'usgs',
      });
      expect(added.status, JSON.stringify(added.body)).toBe(201);

      const before = sink.messages.items.length;
      const polled = await admin.call<{ entries: number; created: number; failed: unknown[]; feed: { lastEntries: number | null; errorCount: number } }>(
        'POST',
        `/api/v1/feeds/${added.body.id}/poll`,
      );
      expect(polled.status, JSON.stringify(polled.body)).toBe(200);
      expect(polled.body).toMatchObject({ entries: 1, created: 1, failed: [], feed: { lastEntries: 1, errorCount: 0 } });

      const listed = await admin.get<{ items: { id: string; kind: string; estimated: boolean; status: string; title: string }[] }>('/api/v1/events?kind=estimate');
      const estimates = listed.items.filter((e) => e.title.includes(quake.place));
      expect(estimates).toHaveLength(1);
      const estimate = estimates[0]!;
      expect(estimate).toMatchObject({ kind: 'estimate', estimated: true, status: 'actual' });

      // Several schools reach band 2 or more; each one's registry focal point is told within a minute.
      const strong = await affectedSchools(estimate.id, 2);
      expect(strong.length).toBeGreaterThan(3);
      const all = await affectedSchools(estimate.id);
      const affectedAddresses = new Set(all.map((s) => registryAddress(s.code!)));
      await sink.messages.waitFor((items) => items.slice(before).length > 0, WITHIN_A_MINUTE);
      await sink.messages.waitFor((items) => {
        const got = new Set(items.slice(before).map(recipientOf));
        return strong.every((s) => got.has(registryAddress(s.code!)));
      }, 180_000);
      await deliverySettled(estimate.id, 180_000);
      const mails = mailsSince(before);
      // Only people of affected schools: registry focal points, and the focal-point users of affected schools.
      const users = new Map([FOCAL_EN, FOCAL_HI, FOCAL_SMS].map((f) => [f.email, f.code]));
      const affectedCodes = new Set(all.map((s) => s.code));
      for (const mail of mails) {
        const to = recipientOf(mail);
        expect(affectedAddresses.has(to) || affectedCodes.has(users.get(to) ?? ''), to).toBe(true);
      }
      // A sample of the links leads to this event.
      for (const mail of mails.slice(0, 5)) {
        expect((await linkView(checkInLinks(mail.text)[0]!)).eventTitle).toBe(estimate.title);
      }

      // The ShakeMap, uploaded after, replaces the estimate in the same event.
      const toldBand = new Map<string, number>();
      const bandOf = new Map(all.map((s) => [s.code!, s.band]));
      for (const mail of mails) {
        const code = /^focal-point\.(\d+)@example\.org$/.exec(recipientOf(mail))?.[1];
        if (code) toldBand.set(code, bandOf.get(code)!);
      }
      const beforeShakeMap = sink.messages.items.length;
      const grid = shakeMapGrid(quake, { version: 1, peakMmi: 8 });
      const uploaded = await uploadHazard(grid, 'grid.xml');
      expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(200);
      expect(uploaded.body).toMatchObject({ id: estimate.id, kind: 'shakemap', estimated: false });
      const event = await admin.get<{ id: string; kind: string; estimated: boolean; warnings: { code: string }[] }>(`/api/v1/events/${estimate.id}`);
      expect(event).toMatchObject({ kind: 'shakemap', estimated: false });
      expect(event.warnings.map((w) => w.code)).not.toContain('EVENT_ESTIMATED');
      const after = await admin.get<{ items: { id: string; title: string }[] }>('/api/v1/events?limit=100');
      expect(after.items.filter((e) => e.id === estimate.id)).toHaveLength(1);
      // The notices follow the new bands: a follow-up to the schools whose band rose above the one they were told
      // (or that reach band 2 now without having been told), and to nobody else.
      const shaken = await affectedSchools(estimate.id);
      const raised = shaken.filter((s) => s.band >= 2 && s.band > (toldBand.get(s.code!) ?? 0)).map((s) => registryAddress(s.code!));
      expect(raised.length).toBeGreaterThan(0);
      await sink.messages.waitFor((items) => {
        const got = new Set(items.slice(beforeShakeMap).map(recipientOf));
        return raised.every((address) => got.has(address));
      }, 180_000);
      await deliverySettled(estimate.id, 180_000);
      const followUps = mailsSince(beforeShakeMap).map(recipientOf);
      expect(followUps.filter((to) => to.endsWith('@example.org')).sort()).toEqual([...raised].sort());
      expect(new Set(followUps).size).toBe(followUps.length);
    },
    420_000,
  );
});
