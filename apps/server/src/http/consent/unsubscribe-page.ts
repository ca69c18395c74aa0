import { consentText, type ConsentTextKey, type SafetyLanguage } from '@safeschools/domain';

export type UnsubscribePageState =
  | { kind: 'ask'; channel: 'email' | 'sms' | 'whatsapp'; address: string; action: string }
  | { kind: 'done'; channel: 'email' | 'sms' | 'whatsapp'; address: string }
  | { kind: 'invalid' };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The language of the page: `?lang=`, else the first of Accept-Language's that we have, else English. */
export function pageLanguage(lang: unknown, acceptLanguage: string | undefined): SafetyLanguage {
  if (lang === 'en' || lang === 'hi' || lang === 'ja') return lang;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  const found = ranked.find((x) => x.base === 'en' || x.base === 'hi' || x.base === 'ja');
  return (found?.base as SafetyLanguage | undefined) ?? 'en';
}

/** A small page without scripts: readable on any phone, in the language asked for. */
export function renderUnsubscribePage(state: UnsubscribePageState, language: SafetyLanguage): string {
  const t = (key: ConsentTextKey, values: Record<string, string> = {}) => escapeHtml(consentText(key, language, values));
  const values: Record<string, string> = state.kind === 'invalid' ? {} : { channel: consentText(state.channel, language), address: state.address };
  let title: string;
  let main: string;
  switch (state.kind) {
    case 'ask':
      title = t('pageTitle');
      main = `<p>${t('question', values)}</p><p>${t('consequence')}</p>
<form method="post" action="${escapeHtml(state.action)}"><button type="submit">${t('confirm')}</button></form>`;
      break;
    case 'done':
      title = t('doneTitle');
      main = `<p role="status">${t('done', values)}</p><p>${t('undo')}</p>`;
      break;
    case 'invalid':
      title = t('invalidTitle');
      main = `<p>${t('invalid')}</p>`;
      break;
  }
  return `<!doctype html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title} · SafeSchools</title>
<style>body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:32rem;padding:1rem;color:#1a1a1a}
h1{font-size:1.3rem}button{font:inherit;padding:.7rem 1.2rem;border:0;border-radius:.4rem;background:#a4262c;color:#fff}
p{overflow-wrap:anywhere}</style></head>
<body><h1>${title}</h1>${main}</body></html>
`;
}
