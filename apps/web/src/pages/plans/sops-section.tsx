import { useTranslation } from 'react-i18next';
import { sopKindLabels, sopKinds, type SafetyHazard, type SopKind } from '@safeschools/domain';
import { SelectField } from '../../components/select-field';
import { useHazardOptions } from './hazard-options';
import { StringListEditor } from './string-list-editor';
import type { PlanContent } from './types';
import { useSafetyLanguage } from './ui-language';

type Sop = PlanContent['sops'][number];

interface SopsSectionProps {
  sops: readonly Sop[];
  onChange: (sops: Sop[]) => void;
  disabled: boolean;
}

/** Procedures per hazard: a hazard, a kind and its steps as a list of text. */
export function SopsSection({ sops, onChange, disabled }: SopsSectionProps) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  const hazards = useHazardOptions();
  const kinds = sopKinds.map((kind) => ({ value: kind, label: sopKindLabels[kind][lang] }));
  const set = (index: number, change: Partial<Sop>) => onChange(sops.map((s, i) => (i === index ? { ...s, ...change } : s)));
  return (
    <>
      {sops.map((sop, index) => (
        <fieldset key={index} className="fieldset">
          <legend>{`${sopKindLabels[sop.kind][lang]} · ${t(`plan.hazards.${sop.hazard}`)}`}</legend>
          <div className="cascade">
            <SelectField label={t('plan.hazard')} options={hazards} value={sop.hazard} disabled={disabled} onChange={(e) => set(index, { hazard: e.target.value as SafetyHazard })} />
            <SelectField label={t('plan.sops.kind')} options={kinds} value={sop.kind} disabled={disabled} onChange={(e) => set(index, { kind: e.target.value as SopKind })} />
          </div>
          <StringListEditor label={t('plan.sops.steps')} items={sop.steps} disabled={disabled} onChange={(steps) => set(index, { steps })} />
          <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(sops.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button secondary small"
        disabled={disabled}
        onClick={() => onChange([...sops, { hazard: 'earthquake', kind: 'drop_cover_hold', steps: [''] }])}
      >
        {t('plan.sops.add')}
      </button>
    </>
  );
}
