import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** From the school profile to its plan, drills and training. */
export function SchoolSafetyLinks({ schoolId }: { schoolId: string }) {
  const { t } = useTranslation();
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
