import { createHash } from 'node:crypto';
import { checkInText, type CheckInTextKey } from '@safeschools/domain';
import type { CheckInLanguage } from '../../domain/check-ins/check-in-view.js';

/**
 * The check-in page: server-rendered HTML, one inline style sheet, no script, no image, no request to anywhere,
 * a few KB — it has to open on a 2G connection and a 1 GB phone. The form posts urlencoded to the same address.
 */

const css = `body{font:16px/1.4 system-ui,sans-serif;margin:0 auto;max-width:34em;padding:.6em;color:#111}
nav{text-align:right;font-size:.9em}nav a{margin-left:.8em}h1{font-size:1.3em;margin:.3em 0}p{margin:.4em 0}
.m{color:#555}.box{border:2px solid #999;border-radius:6px;padding:.5em;margin:.6em 0}.warn{border-color:#b35900;background:#fff4e5}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:.4em}label{display:block}input[type=number]{width:100%;font-size:1.1em;box-sizing:border-box}
fieldset{border:0;padding:0;margin:.5em 0}textarea{width:100%;box-sizing:border-box;font-size:1em}
button{display:block;width:100%;font-size:1.2em;padding:.7em;margin:.35em 0;border:0;border-radius:6px;color:#fff}
.all_safe{background:#1a7f37}.some_injured{background:#b35900}.building_damaged{background:#8250df}.need_help{background:#c00}`;

const styleHash = createHash('sha256').update(css).digest('base64');

/** Strict: nothing may load or run; only this page's own style sheet and forms posting back to this server. */
export const checkInPagePolicy = `default-src 'none'; style-src 'sha256-${styleHash}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

export const statuses = ['all_safe', 'some_injured', 'building_damaged', 'need_help'] as const;
const counts = ['studentsPresent', 'staffPresent', 'injured', 'missing'] as const;
const states = ['open', 'closed', 'shelter'] as const;

export interface CheckInAnswerShown {
  status: string;
  studentsPresent: number | null;
  staffPresent: number | null;
  injured: number | null;
  missing: number | null;
  schoolState: string | null;
  note: string;
  via: string;
  version: number;
  answeredAt: Date;
}

/** What the form is filled with: the current answer, or what the person sent when it was refused. */
export interface CheckInFormValues {
  studentsPresent?: string;
  staffPresent?: string;
  injured?: string;
  missing?: string;
  schoolState?: string;
  note?: string;
}

export type CheckInPage =
  | { kind: 'form' | 'thanks' | 'conflict' | 'invalid'; school: string; event: string; expiresAt: Date; answer: CheckInAnswerShown | null; values?: CheckInFormValues }
  | { kind: 'expired' | 'unknown' }
  | { kind: 'limited'; minutes: number };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function dateTime(date: Date, lang: CheckInLanguage): string {
  const locale = { en: 'en-IN', hi: 'hi-IN', ja: 'ja-JP' }[lang];
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Kolkata' }).format(date);
}

function answerBox(answer: CheckInAnswerShown, lang: CheckInLanguage): string {
  const t = (key: CheckInTextKey, values?: Record<string, string | number>) => escapeHtml(checkInText(key, lang, values));
  const shown = (n: number | null) => (n === null ? `<span class="m">${t('notGiven')}</span>` : String(n));
  const via = t(answer.via === 'sms' ? 'viaSms' : 'viaLink');
  const rows = counts.map((c) => `${t(c)}: ${shown(answer[c])}`).join('<br>');
  const state = answer.schoolState && (states as readonly string[]).includes(answer.schoolState) ? `<br>${t('schoolStateTitle')}: ${t(answer.schoolState as (typeof states)[number])}` : '';
  const note = answer.note ? `<br>“${escapeHtml(answer.note)}”` : '';
  const status = (statuses as readonly string[]).includes(answer.status) ? t(answer.status as (typeof statuses)[number]) : '';
  return `<div class="box"><p><b>${t('current')}: ${status}</b></p><p>${rows}${state}${note}</p><p class="m">${t('answeredAt', { time: dateTime(answer.answeredAt, lang), via })}</p></div>`;
}

function form(token: string, lang: CheckInLanguage, answer: CheckInAnswerShown | null, values: CheckInFormValues): string {
  const t = (key: CheckInTextKey) => escapeHtml(checkInText(key, lang));
  const field = (name: (typeof counts)[number]) =>
    `<label>${t(name)}<input type="number" name="${name}" min="0" max="100000" step="1" inputmode="numeric" value="${escapeHtml(values[name] ?? '')}"></label>`;
  const radio = (s: (typeof states)[number]) => `<label><input type="radio" name="schoolState" value="${s}"${values.schoolState === s ? ' checked' : ''}> ${t(s)}</label>`;
  const version = answer ? `<input type="hidden" name="version" value="${answer.version}">` : '';
  return `<form method="post" action="/c/${escapeHtml(token)}?lang=${lang}">${version}
<fieldset><legend>${t('countsTitle')}</legend><div class="grid">${counts.map(field).join('')}</div></fieldset>
<fieldset><legend>${t('schoolStateTitle')}</legend>${states.map(radio).join('')}</fieldset>
<label>${t('noteLabel')}<textarea name="note" rows="2" maxlength="500">${escapeHtml(values.note ?? '')}</textarea></label>
<p class="m">${t('childrenNote')}</p>
<p><b>${t(answer ? 'change' : 'question')}</b></p>
${statuses.map((s) => `<button class="${s}" name="status" value="${s}">${t(s)}</button>`).join('\n')}
</form>`;
}

function valuesOf(answer: CheckInAnswerShown | null): CheckInFormValues {
  if (!answer) return {};
  const str = (n: number | null) => (n === null ? '' : String(n));
  return {
    studentsPresent: str(answer.studentsPresent),
    staffPresent: str(answer.staffPresent),
    injured: str(answer.injured),
    missing: str(answer.missing),
    schoolState: answer.schoolState ?? '',
    note: answer.note,
  };
}

export function renderCheckInPage(page: CheckInPage, lang: CheckInLanguage, token: string): string {
  const t = (key: CheckInTextKey, values?: Record<string, string | number>) => escapeHtml(checkInText(key, lang, values));
  const here = token ? `/c/${escapeHtml(token)}` : '';
  const langs = (['en', 'hi', 'ja'] as const)
    .map((l) => (l === lang || !here ? '' : `<a href="${here}?lang=${l}" lang="${l}">${{ en: 'English', hi: 'हिन्दी', ja: '日本語' }[l]}</a>`))
    .join('');
  let main: string;
  switch (page.kind) {
    case 'expired':
      main = `<h1>${t('expiredTitle')}</h1><p>${t('expiredBody')}</p>`;
      break;
    case 'unknown':
      main = `<h1>${t('unknownTitle')}</h1><p>${t('unknownBody')}</p>`;
      break;
    case 'limited':
      main = `<h1>${t('limitedTitle')}</h1><p>${t('limitedBody', { minutes: page.minutes })}</p>`;
      break;
    case 'form':
    case 'thanks':
    case 'conflict':
    case 'invalid': {
      const head = `<h1>${escapeHtml(page.school)}</h1><p class="m">${escapeHtml(page.event)}</p>`;
      const notice =
        page.kind === 'thanks'
          ? `<div class="box"><p><b>${t('thanksTitle')}</b></p><p>${t('thanksBody', { date: dateTime(page.expiresAt, lang) })}</p></div>`
          : page.kind === 'conflict'
            ? `<div class="box warn"><p>${t('conflict')}</p></div>`
            : page.kind === 'invalid'
              ? `<div class="box warn"><p>${t('invalid')}</p></div>`
              : '';
      const current = page.answer ? answerBox(page.answer, lang) : '';
      const body = page.kind === 'conflict' ? `${current}${notice}` : `${notice}${current}`;
      main = `${head}${body}${form(token, lang, page.answer, page.values ?? valuesOf(page.answer))}`;
    }
  }
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="referrer" content="no-referrer"><title>${t('pageTitle')}</title><style>${css}</style></head><body><nav>${langs}</nav><main>${main}</main></body></html>`;
}
