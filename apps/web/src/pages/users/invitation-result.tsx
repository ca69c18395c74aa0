import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import type { Invitation } from './invite-form';

/** The one-time invitation link, to copy and send to the invitee. */
export function InvitationResult({ invitation, onDismiss }: { invitation: Invitation; onDismiss: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const link = new URL(invitation.invitationPath, window.location.origin).href;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard permission (or not a secure context): select the text so the user can copy it.
      input.current?.select();
      setCopied('no');
    }
  };

  const linkField = (
    <>
      <p className="warning">{t('invite.result.once', { date: format.dateTime(invitation.expiresAt) })}</p>
      <div className="field">
        <label htmlFor={id}>{t('invite.result.link')}</label>
        <div className="copy-row">
          <input id={id} ref={input} type="text" readOnly value={link} onFocus={(e) => e.target.select()} />
          <button type="button" className="button" onClick={() => void copy()}>
            {t('invite.result.copy')}
          </button>
        </div>
      </div>
      <p aria-live="polite" className="ok">
        {copied === 'yes' ? t('invite.result.copied') : copied === 'no' ? t('invite.result.copyManually') : ''}
      </p>
    </>
  );

  return (
    <section className="result-panel" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('invite.result.title')}</h3>
      {invitation.emailed ? (
        <p role="status" className="ok">
          {t('account.invite.emailed', { email: invitation.user.email })}
        </p>
      ) : (
        <p>{t('invite.result.intro', { email: invitation.user.email })}</p>
      )}
      {invitation.emailed ? (
        <details>
          <summary>{t('account.invite.showLink')}</summary>
          {linkField}
        </details>
      ) : (
        linkField
      )}
      <button type="button" className="button secondary" onClick={onDismiss}>
        {t('invite.result.dismiss')}
      </button>
    </section>
  );
}
