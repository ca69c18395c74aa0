import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../hooks/use-formatters';
import { FigureSchools } from './figure-schools';
import { figureKeys, type FigureKey, type Readiness } from './types';

/** The headline figures; each opens the list of the schools it counts. */
export function ReadinessFigures({ readiness, area }: { readiness: Readiness; area: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [open, setOpen] = useState<FigureKey | null>(null);
  return (
    <section className="stack" aria-labelledby="readiness-figures-title">
      <h2 id="readiness-figures-title">{t('readiness.figuresTitle')}</h2>
      <dl className="stat-grid">
        <div className="stat-card">
          <dt>{t('readiness.figures.schools')}</dt>
          <dd className="stat-value">{format.number(readiness.schools)}</dd>
          <dd className="stat-detail">
            <Link to="/schools">{t('readiness.openRegistry')}</Link>
          </dd>
        </div>
        {figureKeys.map((key) => {
          const figure = readiness[key];
          return (
            <div key={key} className="stat-card">
              <dt>{t(`readiness.figures.${key}`)}</dt>
              <dd className="stat-value">{format.number(figure.count)}</dd>
              {figure.percent !== null && <dd className="stat-detail">{t('readiness.ofSchools', { percent: format.percent(figure.percent / 100) })}</dd>}
              <dd>
                <button type="button" className="button small secondary" aria-expanded={open === key} onClick={() => setOpen(open === key ? null : key)}>
                  {open === key ? t('readiness.hideList') : t('readiness.showList')}
                  <span className="visually-hidden"> {t(`readiness.figures.${key}`)}</span>
                </button>
              </dd>
            </div>
          );
        })}
      </dl>
      {open && (
        <section className="card stack" aria-labelledby="figure-list-title">
          <h3 id="figure-list-title">{t(`readiness.figures.${open}`)}</h3>
          <FigureSchools key={`${open}:${area}`} figure={open} area={area} />
        </section>
      )}
    </section>
  );
}
