import type { FastifyReply, FastifyRequest } from 'fastify';
import { readUnsubscribeLink, unsubscribeByLink } from '../../domain/consent/unsubscribe-by-link.js';
import { AuditTrail } from '../../domain/shared/audit.js';
import type { Ctx } from '../../domain/shared/context.js';
import type { Services } from '../../services.js';
import type { App } from '../app-types.js';
import { pageLanguage, renderUnsubscribePage, type UnsubscribePageState } from './unsubscribe-page.js';

/** The form posts and RFC 8058 one-click posts (`List-Unsubscribe=One-Click`) carry nothing we need: the token is in the path. */
const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];
const TOKEN = /^[A-Za-z0-9_-]{20,200}$/;

type PageRequest = FastifyRequest<{ Params: { token: string }; Querystring: { lang?: string } }>;

function send(reply: FastifyReply, request: PageRequest, status: number, state: UnsubscribePageState): FastifyReply {
  const language = pageLanguage(request.query.lang, request.headers['accept-language']);
  return reply
    .status(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header('content-language', language)
    .send(renderUnsubscribePage(state, language));
}

/**
 * `GET /u/:token` asks, `POST /u/:token` opts the link's address out of its channel (from the page's button or a
 * mail client's one-click unsubscribe). Public pages outside the API, authorised by the token alone: an unknown
 * token gets a page that says so and nothing is written. A sign-in cookie is ignored here.
 */
export async function registerUnsubscribePage(app: App, services: Services): Promise<void> {
  const { database } = services;
  await app.register(async (pages) => {
    // Nothing here acts as the signed-in user, so their session must not make the form need a CSRF token.
    pages.addHook('onRequest', async (request) => {
      request.cookies = {};
      delete request.headers.authorization;
    });
    pages.addContentTypeParser(FORM_TYPES, { parseAs: 'string', bodyLimit: 4096 }, (_request, _body, done) => done(null, {}));
    const ctxOf = (request: FastifyRequest): Omit<Ctx, 'tx'> & { trail: AuditTrail } => ({
      database,
      actor: null,
      requestId: request.id,
      now: new Date(),
      trail: new AuditTrail(),
    });

    pages.get('/u/:token', async (request: PageRequest, reply) => {
      const { token } = request.params;
      const link = TOKEN.test(token) ? await readUnsubscribeLink({ ...ctxOf(request), tx: database.db }, token) : null;
      if (!link) return send(reply, request, 404, { kind: 'invalid' });
      if (link.optedOut) return send(reply, request, 200, { kind: 'done', channel: link.channel, address: link.address });
      const lang = request.query.lang;
      const action = `/u/${encodeURIComponent(token)}${lang === 'en' || lang === 'hi' || lang === 'ja' ? `?lang=${lang}` : ''}`;
      return send(reply, request, 200, { kind: 'ask', channel: link.channel, address: link.address, action });
    });

    pages.post('/u/:token', async (request: PageRequest, reply) => {
      const { token } = request.params;
      const done = TOKEN.test(token) ? await database.db.transaction((tx) => unsubscribeByLink({ ...ctxOf(request), tx }, token)) : null;
      if (!done) return send(reply, request, 404, { kind: 'invalid' });
      return send(reply, request, 200, { kind: 'done', channel: done.channel, address: done.address });
    });
  });
}
