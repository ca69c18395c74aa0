import { CheckInInput } from '@safeschools/contract';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { answerCheckIn } from '../../domain/check-ins/answer-check-in.js';
import { getCheckIn } from '../../domain/check-ins/get-check-in.js';
import { languageOf, type CheckInLanguage, type CheckInView } from '../../domain/check-ins/check-in-view.js';
import { isAppError } from '../../domain/shared/app-error.js';
import { AuditTrail } from '../../domain/shared/audit.js';
import type { Ctx } from '../../domain/shared/context.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import type { CheckInThrottle } from './check-in-throttle.js';
import { isLinkFailure } from './check-in-throttle.js';
import { checkInPagePolicy, renderCheckInPage, type CheckInAnswerShown, type CheckInFormValues, type CheckInPage } from './render-check-in-page.js';

const TOKEN = /^[A-Za-z0-9_-]{16,128}$/;

type Params = { token: string };
type Query = { lang?: string; saved?: string };

/** The language asked for in `?lang=`, else the link's message's, else the browser's first of en/hi/ja. */
function pageLanguage(request: FastifyRequest<{ Querystring: Query }>, linkLanguage?: CheckInLanguage): CheckInLanguage {
  const asked = request.query.lang;
  if (asked === 'en' || asked === 'hi' || asked === 'ja') return asked;
  if (linkLanguage) return linkLanguage;
  const accept = String(request.headers['accept-language'] ?? '').toLowerCase();
  const found = accept.match(/\b(en|hi|ja)\b/);
  return languageOf(found?.[1]);
}

function send(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('content-security-policy', checkInPagePolicy)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('x-robots-tag', 'noindex')
    .send(html);
}

function shown(view: CheckInView): CheckInAnswerShown | null {
  return view.answer;
}

/** The form's text fields as typed; numbers are checked by the contract's schema. */
function formValues(body: URLSearchParams): CheckInFormValues {
  const out: CheckInFormValues = {};
  for (const key of ['studentsPresent', 'staffPresent', 'injured', 'missing', 'schoolState', 'note'] as const) {
    const value = body.get(key);
    if (value !== null) out[key] = value;
  }
  return out;
}

function parseForm(body: URLSearchParams) {
  const number = (name: string) => {
    const raw = (body.get(name) ?? '').trim();
    if (raw === '') return undefined;
    return /^\d{1,6}$/.test(raw) ? Number(raw) : Number.NaN;
  };
  const input = {
    status: body.get('status') ?? undefined,
    studentsPresent: number('studentsPresent'),
    staffPresent: number('staffPresent'),
    injured: number('injured'),
    missing: number('missing'),
    schoolState: body.get('schoolState') || undefined,
    note: body.get('note') ?? undefined,
    version: number('version'),
  };
  return CheckInInput.safeParse(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)));
}

/**
 * `GET|POST /c/:token`: the page a check-in link opens. Outside `/api`, so the web app's shell never answers it;
 * it reads no session (the token is the credential), so a signed-in browser posts the plain form without CSRF
 * headers, and a session cookie never decides whose school is answered.
 */
export async function registerCheckInPage(app: App, services: Services, throttle: CheckInThrottle): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 8 * 1024 }, (_request, body, done) => {
      done(null, new URLSearchParams(String(body)));
    });
    scope.addHook('onRequest', async (request) => {
      request.cookies = {};
      delete request.headers.authorization;
    });

    const ctxOf = (request: FastifyRequest): Ctx => ({ database: services.database, tx: services.database.db, actor: null, requestId: request.id, now: new Date() });

    /** Runs `work` under the throttle; a refused or unknown link becomes its own clear page. */
    async function guarded(request: FastifyRequest<{ Params: Params; Querystring: Query }>, reply: FastifyReply, work: () => Promise<FastifyReply>) {
      const { token } = request.params;
      let error: unknown;
      try {
        throttle.admit(token, Date.now());
        if (!TOKEN.test(token)) {
          throttle.failed(request.ip, Date.now());
          return send(reply, 404, renderCheckInPage({ kind: 'unknown' }, pageLanguage(request), ''));
        }
        return await work();
      } catch (caught) {
        error = caught;
      }
      // An unknown or expired link counts against the address; past its limit the answer is the 429 page instead.
      try {
        if (isLinkFailure(error)) throttle.failed(request.ip, Date.now());
      } catch (limited) {
        error = limited;
      }
      if (!isAppError(error)) throw error;
      const lang = pageLanguage(request);
      if (error.code === 'RATE_LIMITED') {
        const seconds = error.hints.retryAfterSeconds ?? 60;
        reply.header('retry-after', String(seconds));
        return send(reply, 429, renderCheckInPage({ kind: 'limited', minutes: Math.max(1, Math.ceil(seconds / 60)) }, lang, ''));
      }
      if (error.code === 'CHECK_IN_LINK_EXPIRED') return send(reply, 410, renderCheckInPage({ kind: 'expired' }, lang, ''));
      if (error.code === 'CHECK_IN_LINK_UNKNOWN') return send(reply, 404, renderCheckInPage({ kind: 'unknown' }, lang, ''));
      throw error;
    }

    scope.get<{ Params: Params; Querystring: Query }>('/c/:token', async (request, reply) =>
      guarded(request, reply, async () => {
        const view = await getCheckIn(ctxOf(request), request.params.token);
        const lang = pageLanguage(request, view.language);
        const page: CheckInPage = {
          kind: request.query.saved === '1' && view.answer ? 'thanks' : 'form',
          school: view.link.schoolName,
          event: view.link.eventTitle,
          expiresAt: view.link.expiresAt,
          answer: shown(view),
        };
        return send(reply, 200, renderCheckInPage(page, lang, request.params.token));
      }),
    );

    scope.post<{ Params: Params; Querystring: Query; Body: unknown }>('/c/:token', async (request, reply) =>
      guarded(request, reply, async () => {
        const { token } = request.params;
        const body = request.body instanceof URLSearchParams ? request.body : new URLSearchParams();
        const parsed = parseForm(body);
        const database = services.database;
        if (!parsed.success) {
          const view = await getCheckIn(ctxOf(request), token);
          const page: CheckInPage = { kind: 'invalid', school: view.link.schoolName, event: view.link.eventTitle, expiresAt: view.link.expiresAt, answer: shown(view), values: formValues(body) };
          return send(reply, 400, renderCheckInPage(page, pageLanguage(request, view.language), token));
        }
        try {
          const view = await database.db.transaction((tx) => answerCheckIn({ ...ctxOf(request), tx, trail: new AuditTrail() }, token, parsed.data));
          const lang = pageLanguage(request, view.language);
          // Redirect after post: reloading the thank-you page does not send the answer again.
          return reply.header('cache-control', 'no-store').redirect(`/c/${token}?lang=${lang}&saved=1`, 303);
        } catch (error) {
          if (!isAppError(error) || error.code !== 'VERSION_CONFLICT') throw error;
          // Show what the colleague answered, keep what this person typed, and let them send it over it.
          const view = await getCheckIn(ctxOf(request), token);
          const page: CheckInPage = {
            kind: 'conflict',
            school: view.link.schoolName,
            event: view.link.eventTitle,
            expiresAt: view.link.expiresAt,
            answer: shown(view),
            values: formValues(body),
          };
          return send(reply, 409, renderCheckInPage(page, pageLanguage(request, view.language), token));
        }
      }),
    );
  });
}
