import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Question } from '@safeschools/domain';
import { GeopointInput } from './geopoint-input';
import { NumberInput } from './number-input';
import { PhotoInput } from './photo-input';
import { ChoiceInput, MultiChoiceInput, ScaleInput, YesNoInput } from './option-inputs';
import { localize } from './types';

interface QuestionFieldProps {
  question: Question;
  value: AnswerValue | undefined;
  problem: string | undefined;
  onChange: (value: AnswerValue | undefined) => void;
}

/** One question: its label, help and problem, and the input its type calls for. */
export function QuestionField({ question, value, problem, onChange }: QuestionFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const label = localize(question.label, i18n.language);
  const help = question.help ? localize(question.help, i18n.language) : '';
  const helpId = help ? `${id}-help` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [helpId, problemId].filter(Boolean).join(' ') || undefined;
  const required = question.required ? <span className="muted"> {t('assessment.required')}</span> : null;

  let input: ReactNode;
  // Inputs that are one control get a <label>; groups of controls get a fieldset and legend.
  let single = false;
  switch (question.type) {
    case 'yes_no':
      input = <YesNoInput name={id} value={value} onChange={onChange} />;
      break;
    case 'scale':
      input = <ScaleInput name={id} value={value} onChange={onChange} />;
      break;
    case 'choice':
      input = <ChoiceInput name={id} options={question.options} value={value} onChange={onChange} />;
      break;
    case 'multi_choice':
      input = <MultiChoiceInput options={question.options} value={value} onChange={onChange} />;
      break;
    case 'number':
      single = true;
      input = (
        <span className="filters">
          <NumberInput
            id={id}
            value={value}
            min={question.min}
            max={question.max}
            integer={question.integer}
            describedBy={describedBy}
            invalid={problem !== undefined}
            onChange={onChange}
          />
          {question.unit && <span>{localize(question.unit, i18n.language)}</span>}
        </span>
      );
      break;
    case 'text':
      single = true;
      input = (
        <textarea
          id={id}
          rows={3}
          maxLength={question.maxLength}
          value={typeof value === 'string' ? value : ''}
          aria-describedby={describedBy}
          aria-invalid={problem !== undefined || undefined}
          onChange={(event) => onChange(event.target.value === '' ? undefined : event.target.value)}
        />
      );
      break;
    case 'geopoint':
      input = <GeopointInput value={value} onChange={onChange} />;
      break;
    case 'photo':
      single = true;
      input = <PhotoInput id={id} value={value} maxPhotos={question.maxPhotos} onChange={onChange} />;
      break;
  }

  const extras = (
    <>
      {help && (
        <p id={helpId} className="hint">
          {help}
        </p>
      )}
      {input}
      {problem && (
        <p id={problemId} className="field-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );

  if (single)
    return (
      <div className="field" data-question={question.id}>
        <label htmlFor={id}>
          {label}
          {required}
        </label>
        {extras}
      </div>
    );
  return (
    <fieldset className="fieldset" data-question={question.id} aria-describedby={describedBy}>
      <legend>
        {label}
        {required}
      </legend>
      {extras}
    </fieldset>
  );
}
