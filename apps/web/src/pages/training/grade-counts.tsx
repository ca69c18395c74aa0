import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/text-field';

export interface GradeCount {
  grade: string;
  count: string;
}

/** Students by grade, as counts: a training record never names a child. */
export function GradeCounts({ rows, onChange }: { rows: readonly GradeCount[]; onChange: (rows: GradeCount[]) => void }) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<GradeCount>) => onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  return (
    <fieldset className="fieldset">
      <legend>{t('training.form.byGrade')}</legend>
      {rows.map((row, index) => (
        <div key={index} className="cascade">
          <TextField label={t('plan.members.grade')} value={row.grade} onChange={(e) => set(index, { grade: e.target.value })} />
          <TextField label={t('training.form.studentCount')} type="number" min={0} step={1} value={row.count} onChange={(e) => set(index, { count: e.target.value })} />
          <button type="button" className="button secondary small" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" onClick={() => onChange([...rows, { grade: '', count: '' }])}>
        {t('training.form.addGrade')}
      </button>
    </fieldset>
  );
}
