import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../auth/require-permission';
import { useSession } from '../../auth/use-session';

/** From the school profile to its plan, drills and training. */
export function SchoolSafetyLinks({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!hasPermission(session.status === 'signed-in' ? session.me.permissions : undefined, 'safety.read')) return null;
  return (
    <nav className="card" aria-label={t('plan.links.label')}>
      <ul className="chips">
        <li>
          <Link className="button secondary small" to={`/schools/${schoolId}/plan`}>
            {t('plan.links.plan')}
          </Link>
        </li>
        <li>
          <Link className="button secondary small" to={`/schools/${schoolId}/drills`}>
            {t('plan.links.drills')}
          </Link>
        </li>
        <li>
          <Link className="button secondary small" to={`/schools/${schoolId}/training`}>
            {t('plan.links.training')}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
