import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SafetyHazard } from '@safeschools/domain';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { uuidv7 } from '../../lib/uuid-v7';
import { useHazardOptions } from './hazard-options';
import type { PlanContent } from './types';

type Assessment = PlanContent['hazardAssessment'];

interface RowsProps<T> {
  legend: string;
  rows: readonly T[];
  make: () => T;
  onChange: (rows: T[]) => void;
  fields: (row: T, set: (change: Partial<T>) => void) => ReactNode;
  disabled: boolean;
}

function Rows<T>({ legend, rows, make, onChange, fields, disabled }: RowsProps<T>) {
  const { t } = useTranslation();
  return (
    <fieldset className="fieldset">
      <legend>{legend}</legend>
      {rows.map((row, index) => (
        <div key={index} className="cascade">
          {fields(row, (change) => onChange(rows.map((r, i) => (i === index ? { ...r, ...change } : r))))}
          <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange([...rows, make()])}>
        {t('plan.addLine', { list: legend })}
      </button>
    </fieldset>
  );
}

/** The findings of the walk-throughs, each a description with one qualifier; map locations are left to the PDF. */
export function HazardAssessmentSection({ value, onChange, disabled }: { value: Assessment; onChange: (value: Assessment) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const hazards = useHazardOptions();
  const hazardOrOther = [...hazards, { value: 'other' as const, label: t('plan.hazards.other') }];
  const description = <T extends { description: string }>(row: T, set: (change: Partial<T>) => void) => (
    <TextField label={t('plan.assessment.description')} value={row.description} disabled={disabled} onChange={(e) => set({ description: e.target.value } as Partial<T>)} />
  );
  const assessedByOptions = (['teachers', 'students'] as const).map((v) => ({ value: v, label: t(`plan.assessment.assessedBy.${v}`) }));
  return (
    <>
      <Rows
        legend={t('plan.assessment.nonStructural')}
        rows={value.nonStructural}
        disabled={disabled}
        make={() => ({ id: uuidv7(), description: '', assessedBy: 'teachers' as const })}
        onChange={(nonStructural) => onChange({ ...value, nonStructural })}
        fields={(row, set) => (
          <>
            {description(row, set)}
            <SelectField
              label={t('plan.assessment.assessedByLabel')}
              options={assessedByOptions}
              value={row.assessedBy}
              disabled={disabled}
              onChange={(e) => set({ assessedBy: e.target.value as 'teachers' | 'students' })}
            />
          </>
        )}
      />
      <Rows
        legend={t('plan.assessment.structural')}
        rows={value.structural}
        disabled={disabled}
        make={() => ({ id: uuidv7(), description: '', engineer: '' })}
        onChange={(structural) => onChange({ ...value, structural })}
        fields={(row, set) => (
          <>
            {description(row, set)}
            <TextField label={t('plan.assessment.engineer')} value={row.engineer} disabled={disabled} onChange={(e) => set({ engineer: e.target.value })} />
          </>
        )}
      />
      <Rows
        legend={t('plan.assessment.outsideCampus')}
        rows={value.outsideCampus}
        disabled={disabled}
        make={() => ({ id: uuidv7(), description: '', hazard: 'flood' as const })}
        onChange={(outsideCampus) => onChange({ ...value, outsideCampus })}
        fields={(row, set) => (
          <>
            {description(row, set)}
            <SelectField label={t('plan.hazard')} options={hazardOrOther} value={row.hazard} disabled={disabled} onChange={(e) => set({ hazard: e.target.value as SafetyHazard | 'other' })} />
          </>
        )}
      />
      <Rows
        legend={t('plan.assessment.vulnerableSpots')}
        rows={value.vulnerableSpots}
        disabled={disabled}
        make={() => ({ id: uuidv7(), description: '' })}
        onChange={(vulnerableSpots) => onChange({ ...value, vulnerableSpots })}
        fields={description}
      />
      <Rows
        legend={t('plan.assessment.pastIncidents')}
        rows={value.pastIncidents}
        disabled={disabled}
        make={() => ({ on: '', hazard: 'other' as const, description: '' })}
        onChange={(pastIncidents) => onChange({ ...value, pastIncidents })}
        fields={(row, set) => (
          <>
            <TextField label={t('plan.assessment.on')} type="date" value={row.on} disabled={disabled} onChange={(e) => set({ on: e.target.value })} />
            <SelectField label={t('plan.hazard')} options={hazardOrOther} value={row.hazard} disabled={disabled} onChange={(e) => set({ hazard: e.target.value as SafetyHazard | 'other' })} />
            {description(row, set)}
          </>
        )}
      />
    </>
  );
}
