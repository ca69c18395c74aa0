import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listEventNotices, previewEventNotice, sendEventNotice, type NoticePreview } from '@safeschools/contract';
import { smsSegments } from '@safeschools/domain';
import type { z } from 'zod';
import { api } from '../../../api/client';
import { errorMessage } from '../../../api/errors';
import { hasPermission } from '../../../auth/require-permission';
import { useSession } from '../../../auth/use-session';
import { ErrorPanel } from '../../../components/error-panel';
import { TextField } from '../../../components/text-field';
import { useApiQuery } from '../../../hooks/use-api-query';
import { useFormatters } from '../../../hooks/use-formatters';
import { uuidv7 } from '../../../lib/uuid-v7';
import { NoticeList } from './notice-list';
import { useBusyAction } from '../../../hooks/use-busy-action';

type Preview = z.output<typeof NoticePreview>;
type Language = 'en' | 'hi' | 'ja';
type Message = { subject: string; body: string; sms: string };
const languages: readonly Language[] = ['en', 'hi', 'ja'];
const audiences = ['focal_points', 'head_teachers', 'district_officers', 'programme_staff'] as const;
type Audience = (typeof audiences)[number];
// A check-in link as long as a real one, so the live count is what the school will get.
const SAMPLE_LINK = `https://example.org/c/${'x'.repeat(43)}`;

/** SMS parts of a text as typed, its {link} counted at a real link's length. */
export function liveSegments(sms: string): number {
  return smsSegments(sms.replaceAll('{link}', SAMPLE_LINK)).segments;
}

/** "Tell schools" on the event page, for those who may send: the people of the affected schools in one's scope. */
export function TellSchoolsPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const canSend = hasPermission(session.status === 'signed-in' ? session.me.permissions : undefined, 'alerts.send');
  const notices = useApiQuery(`event-notices:${eventId}`, (signal) =>
    canSend ? api(listEventNotices, { params: { id: eventId }, signal }) : Promise.resolve(null),
  );
  if (!canSend) return null;
  return (
    <section className="card stack" aria-labelledby="tell-schools-title">
      <h2 id="tell-schools-title">{t('tellSchools.title')}</h2>
      <p className="muted">{t('tellSchools.intro')}</p>
      <Composer eventId={eventId} onSent={notices.reload} />
      <h3>{t('tellSchools.sentTitle')}</h3>
      {notices.status === 'loading' && <p className="muted">{t('common.loading')}</p>}
      {notices.status === 'error' && <ErrorPanel error={notices.error} onRetry={notices.reload} />}
      {notices.status === 'success' && notices.data && <NoticeList list={notices.data} />}
    </section>
  );
}

function Composer({ eventId, onSent }: { eventId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<Audience[]>(['focal_points', 'head_teachers']);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [messages, setMessages] = useState<Partial<Record<Language, Message>>>({});
  const [key, setKey] = useState(uuidv7);
  const { busy, error, run } = useBusyAction();
  const [sent, setSent] = useState<number | null>(null);

  const body = () => ({ audiences: chosen, messages });
  const onPreview = () =>
    run(async () => {
      setSent(null);
      const answer = await api(previewEventNotice, { params: { id: eventId }, body: body() });
      setPreview(answer);
      setMessages((m) => Object.fromEntries(languages.map((l) => [l, m[l] ?? answer.defaults[l]])));
    });
  const onSend = () =>
    run(async () => {
      const notice = await api(sendEventNotice, { params: { id: eventId }, body: body(), idempotencyKey: `notice-${key}` });
      setSent(notice.recipients);
      setKey(uuidv7());
      setPreview(null);
      onSent();
    });

  return (
    <div className="stack">
      <fieldset className="fieldset">
        <legend>{t('tellSchools.audiences')}</legend>
        {audiences.map((a) => (
          <label key={a} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(a)}
              onChange={(e) => {
                setPreview(null);
                setChosen((c) => (e.target.checked ? [...c.filter((x) => x !== a), a] : c.filter((x) => x !== a)));
              }}
            />
            {t(`alertRules.audience.${a}`)}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button
          type="button"
          className="button secondary"
          disabled={busy || chosen.length === 0}
          onClick={() => void onPreview()}
        >
          {t('tellSchools.preview')}
        </button>
      </div>
      {preview && <PreviewCounts preview={preview} />}
      {preview &&
        languages.map((l) => (
          <MessageEditor
            key={l}
            language={l}
            value={messages[l] ?? preview.defaults[l]}
            onChange={(m) => setMessages((all) => ({ ...all, [l]: m }))}
          />
        ))}
      {error !== null && (
        <div role="alert" className="alert">
          <p>{errorMessage(t, error)}</p>
        </div>
      )}
      {sent !== null && <p role="status">{t('tellSchools.sent', { count: sent })}</p>}
      {preview && (
        <div className="button-row">
          <button type="button" className="button" disabled={busy || preview.people === 0} onClick={() => void onSend()}>
            {busy ? t('common.saving') : t('tellSchools.send', { count: preview.people })}
          </button>
        </div>
      )}
    </div>
  );
}

function PreviewCounts({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  return (
    <div className="stack">
      <p>{t('tellSchools.reach', { count: preview.people, schools: number(preview.schools) })}</p>
      {preview.recipients.length > 0 && (
        <table className="responsive-table" aria-label={t('tellSchools.byChannel')}>
          <thead>
            <tr>
              <th scope="col">{t('tellSchools.channel')}</th>
              <th scope="col">{t('tellSchools.language')}</th>
              <th scope="col">{t('tellSchools.people')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.recipients.map((r) => (
              <tr key={`${r.channel}-${r.language}`}>
                <td data-label={t('tellSchools.channel')}>{t(`delivery.channel.${r.channel}`)}</td>
                <td data-label={t('tellSchools.language')}>{t(`tellSchools.languages.${r.language}`)}</td>
                <td data-label={t('tellSchools.people')}>{number(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="small">
        {t('tellSchools.optedOut', { count: preview.optedOut })} · {t('tellSchools.noAddress', { count: preview.noAddress })}
      </p>
      {preview.notConfigured.length > 0 && (
        <p className="small muted">
          {t('tellSchools.notConfigured', { channels: preview.notConfigured.map((c) => t(`delivery.channel.${c}`)).join(', ') })}
        </p>
      )}
      {preview.people === 0 && <p className="alert">{t('tellSchools.nobody')}</p>}
    </div>
  );
}

function MessageEditor({ language, value, onChange }: { language: Language; value: Message; onChange: (m: Message) => void }) {
  const { t } = useTranslation();
  const parts = liveSegments(value.sms);
  const name = t(`tellSchools.languages.${language}`);
  return (
    <fieldset className="fieldset" lang={language}>
      <legend>{t('tellSchools.messageIn', { language: name })}</legend>
      <TextField
        label={t('tellSchools.subject')}
        value={value.subject}
        onChange={(e) => onChange({ ...value, subject: e.target.value })}
      />
      <TextArea label={t('tellSchools.body')} value={value.body} rows={6} onChange={(body) => onChange({ ...value, body })} />
      <TextArea label={t('tellSchools.sms')} value={value.sms} rows={3} onChange={(sms) => onChange({ ...value, sms })} />
      <p className="small" aria-live="polite">
        {t('tellSchools.smsParts', { count: parts })}
      </p>
      <p className="hint">{t('tellSchools.placeholders')}</p>
    </fieldset>
  );
}

function TextArea({
  label,
  value,
  rows,
  onChange,
}: {
  label: string;
  value: string;
  rows: number;
  onChange: (value: string) => void;
}) {
  const [id] = useState(() => `ta-${uuidv7()}`);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        value={value}
        rows={rows}
        style={{ width: '100%', boxSizing: 'border-box', font: 'inherit' }}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
