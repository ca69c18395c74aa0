import { ApiError } from '@safeschools/contract';
import { useTranslation } from 'react-i18next';

/**
 * Why the server refused a hazard file, when the reader said so with a code we translate (the problem's
 * errors[0].code, such as CAP_REFERENCES_MISSING): the problem's own code only says the file was refused. The
 * server's English sentence follows, for the specifics (which element, which value).
 */
export function HazardFileReason({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  const issue = error instanceof ApiError ? error.problem.errors?.[0] : undefined;
  const key = `events.upload.reasons.${issue?.code ?? ''}`;
  if (!issue?.code || !i18n.exists(key)) return null;
  return (
    <p>
      {t(key)}{' '}
      <span className="muted small" lang="en">
        {issue.message}
      </span>
    </p>
  );
}
