import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/text-field';

interface StringListEditorProps {
  /** Names the list for screen readers and labels each line ("Before 1", "Before 2"…). */
  label: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  disabled?: boolean;
}

/** A list of short texts (duties, steps, what went wrong): one input per line, add and remove. */
export function StringListEditor({ label, items, onChange, disabled }: StringListEditorProps) {
  const { t } = useTranslation();
  const set = (index: number, value: string) => onChange(items.map((item, i) => (i === index ? value : item)));
  return (
    <fieldset className="fieldset">
      <legend>{label}</legend>
      {items.map((item, index) => (
        <div key={index} className="cascade">
          <TextField label={t('plan.lineLabel', { list: label, n: index + 1 })} value={item} disabled={disabled} onChange={(e) => set(index, e.target.value)} />
          <button
            type="button"
            className="button secondary small"
            disabled={disabled}
            onClick={() => onChange(items.filter((_, i) => i !== index))}
          >
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange([...items, ''])}>
        {t('plan.addLine', { list: label })}
      </button>
    </fieldset>
  );
}
