import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { visibleQuestions, type InstrumentDefinition } from '@safeschools/domain';
import type { LocalDraft } from './draft-storage';
import { HazardContextFields } from './hazard-context-fields';
import { QuestionField } from './question-field';
import { SaveStatus } from './save-status';
import { problemText } from './send-assessment';
import { localize, type Assessment } from './types';
import { useAssessmentForm } from './use-assessment-form';

interface AssessmentFormProps {
  id: string;
  def: InstrumentDefinition;
  initial: LocalDraft;
  onSubmitted: (assessment: Assessment) => void;
  /** Drops the device's copy and shows what the server holds (after a conflict). */
  onReload: () => void;
}

/** The instrument's sections with the questions the answers so far call for. */
export function AssessmentForm({ id, def, initial, onSubmitted, onReload }: AssessmentFormProps) {
  const { t, i18n } = useTranslation();
  const form = useAssessmentForm(id, def, initial, onSubmitted);
  const visible = useMemo(() => visibleQuestions(def, form.draft.answers), [def, form.draft.answers]);
  const language = i18n.language;
  const formRef = useRef<HTMLFormElement>(null);

  // On a long form the problems may be far above or below the buttons: take the user to the first one.
  useEffect(() => {
    if (form.outcome.kind !== 'invalid') return;
    const first = formRef.current?.querySelector('.field-error')?.closest('fieldset, .field');
    first?.querySelector<HTMLElement>('input, textarea, select')?.focus();
    first?.scrollIntoView?.({ block: 'center' });
  }, [form.outcome]);

  return (
    <form
      ref={formRef}
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        form.submit();
      }}
    >
      <p className="hint">{t('assessment.intro')}</p>
      <HazardContextFields value={form.draft.hazardContext} onChange={form.setHazardContext} />
      {def.sections.map((section) => {
        const questions = section.questions.filter((q) => visible.has(q.id));
        if (questions.length === 0) return null;
        return (
          <section key={section.id} className="card stack" aria-labelledby={`section-${section.id}`}>
            <h2 id={`section-${section.id}`}>{localize(section.title, language)}</h2>
            {section.description && <p className="hint">{localize(section.description, language)}</p>}
            {questions.map((question) => {
              const problem = form.problems.get(question.id);
              return (
                <QuestionField
                  key={question.id}
                  question={question}
                  value={form.draft.answers[question.id]}
                  problem={problem ? problemText(t, problem) : undefined}
                  onChange={(value) => form.setAnswer(question.id, value)}
                />
              );
            })}
          </section>
        );
      })}
      <OtherProblems problems={[...form.problems.values()].filter((p) => !visible.has(p.path))} />
      <SaveStatus outcome={form.outcome} unsaved={form.draft.unsaved} onReload={onReload} />
      <div className="filters">
        <button type="button" className="button secondary" onClick={form.save} disabled={form.busy !== null}>
          {form.busy === 'save' ? t('common.saving') : t('common.save')}
        </button>
        <button type="submit" className="button" disabled={form.busy !== null}>
          {form.busy === 'submit' ? t('assessment.submitting') : t('assessment.submit')}
        </button>
      </div>
    </form>
  );
}

/** Problems the server found that belong to no question on screen (another instrument version, a hidden one). */
function OtherProblems({ problems }: { problems: { code: string; path: string; message: string }[] }) {
  const { t } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <div className="alert" role="alert">
      <ul>
        {problems.map((p) => (
          <li key={`${p.path}:${p.code}`}>{problemText(t, p)}</li>
        ))}
      </ul>
    </div>
  );
}
