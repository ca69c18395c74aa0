import { useTranslation } from 'react-i18next';
import { scaleValues, type ChoiceOption } from '@safeschools/domain';
import { localize } from './types';

interface Option {
  id: string;
  label: string;
}

/** One radio per option; `name` groups them so arrow keys move within the question. */
function Radios({ name, options, value, onChange }: { name: string; options: Option[]; value: unknown; onChange: (id: string) => void }) {
  return (
    <div className="option-list">
      {options.map((option) => (
        <label key={option.id} className="checkbox">
          <input type="radio" name={name} value={option.id} checked={value === option.id} onChange={() => onChange(option.id)} />
          {option.label}
        </label>
      ))}
    </div>
  );
}

export function YesNoInput({ name, value, onChange }: { name: string; value: unknown; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const options = [
    { id: 'yes', label: t('assessment.yes') },
    { id: 'no', label: t('assessment.no') },
  ];
  return <Radios name={name} options={options} value={value} onChange={onChange} />;
}

export function ScaleInput({ name, value, onChange }: { name: string; value: unknown; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const options = scaleValues.map((id) => ({ id, label: t(`assessment.scale.${id}`) }));
  return <Radios name={name} options={options} value={value} onChange={onChange} />;
}

export function ChoiceInput(props: { name: string; options: readonly ChoiceOption[]; value: unknown; onChange: (id: string) => void }) {
  const { i18n } = useTranslation();
  const options = props.options.map((o) => ({ id: o.id, label: localize(o.label, i18n.language) }));
  return <Radios name={props.name} options={options} value={props.value} onChange={props.onChange} />;
}

/**
 * Checkboxes. Ticking an exclusive option ("none of these") clears the others, and ticking any other clears it,
 * so the answer can never break the instrument's rule.
 */
export function MultiChoiceInput(props: {
  options: readonly ChoiceOption[];
  value: unknown;
  onChange: (ids: string[] | undefined) => void;
}) {
  const { i18n } = useTranslation();
  const chosen = Array.isArray(props.value) ? (props.value as string[]) : [];
  const toggle = (option: ChoiceOption, checked: boolean) => {
    let next: string[];
    if (!checked) next = chosen.filter((id) => id !== option.id);
    else if (option.exclusive) next = [option.id];
    else {
      const exclusive = new Set(props.options.filter((o) => o.exclusive).map((o) => o.id));
      next = [...chosen.filter((id) => !exclusive.has(id)), option.id];
    }
    props.onChange(next.length > 0 ? next : undefined);
  };
  return (
    <div className="option-list">
      {props.options.map((option) => (
        <label key={option.id} className="checkbox">
          <input type="checkbox" checked={chosen.includes(option.id)} onChange={(event) => toggle(option, event.target.checked)} />
          {localize(option.label, i18n.language)}
        </label>
      ))}
    </div>
  );
}
