import { useState } from 'react';

/**
 * The typed text is kept as typed ("1." or "-" on the way to a number) and the answer changes only when it
 * reads as a number; clearing the box clears the answer.
 */
export function NumberInput(props: {
  id: string;
  value: unknown;
  min?: number;
  max?: number;
  integer?: boolean;
  describedBy?: string;
  invalid: boolean;
  onChange: (value: number | undefined) => void;
}) {
  const [text, setText] = useState(typeof props.value === 'number' ? String(props.value) : '');
  return (
    <input
      id={props.id}
      type="number"
      inputMode={props.integer ? 'numeric' : 'decimal'}
      min={props.min}
      max={props.max}
      step={props.integer ? 1 : 'any'}
      value={text}
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid || undefined}
      onChange={(event) => {
        const raw = event.target.value;
        setText(raw);
        const parsed = Number(raw);
        if (raw.trim() === '') props.onChange(undefined);
        else if (Number.isFinite(parsed)) props.onChange(parsed);
      }}
    />
  );
}
