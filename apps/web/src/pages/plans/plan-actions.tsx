import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Plan } from './types';
import type { PlanAction } from './use-plan';

interface PlanActionsProps {
  plan: Plan;
  canWrite: boolean;
  canApprove: boolean;
  busy: boolean;
  dirty: boolean;
  onSave: () => void;
  onCheck: () => void;
  onTransition: (action: PlanAction, comments?: string) => void;
}

/** The buttons a role may use in the plan's current status; returning asks for comments first. */
export function PlanActions({ plan, canWrite, canApprove, busy, dirty, onSave, onCheck, onTransition }: PlanActionsProps) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  const [comments, setComments] = useState('');
  const draft = plan.status === 'draft';
  // The server also takes changes to a returned plan, so the fixes can be made before reopening it.
  const editable = draft || plan.status === 'returned';
  return (
    <div className="stack">
      <div className="cascade">
        {canWrite && editable && (
          <>
            <button type="button" className="button" disabled={busy || !dirty} onClick={onSave}>
              {t('plan.actions.save')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={onCheck}>
              {t('plan.actions.check')}
            </button>
          </>
        )}
        {canWrite && draft && (
          <button type="button" className="button secondary" disabled={busy || dirty} title={dirty ? t('plan.actions.saveFirst') : undefined} onClick={() => onTransition('submit')}>
            {t('plan.actions.submit')}
          </button>
        )}
        {canWrite && plan.status === 'returned' && (
          <button type="button" className="button" disabled={busy || dirty} title={dirty ? t('plan.actions.saveFirst') : undefined} onClick={() => onTransition('reopen')}>
            {t('plan.actions.reopen')}
          </button>
        )}
        {canWrite && plan.status === 'approved' && (
          <button type="button" className="button" disabled={busy} onClick={() => onTransition('revise')}>
            {t('plan.actions.revise')}
          </button>
        )}
        {canApprove && plan.status === 'submitted' && (
          <>
            <button type="button" className="button" disabled={busy} onClick={() => onTransition('approve')}>
              {t('plan.actions.approve')}
            </button>
            <button type="button" className="button secondary" disabled={busy} onClick={() => setReturning(true)}>
              {t('plan.actions.return')}
            </button>
          </>
        )}
      </div>
      {canWrite && editable && dirty && <p className="hint">{t('plan.actions.unsaved')}</p>}
      {returning && plan.status === 'submitted' && (
        <form
          className="card"
          onSubmit={(e) => {
            e.preventDefault();
            onTransition('return', comments.trim());
          }}
        >
          <div className="field">
            <label htmlFor="plan-return-comments">{t('plan.actions.returnComments')}</label>
            <textarea id="plan-return-comments" rows={4} required value={comments} onChange={(e) => setComments(e.target.value)} />
          </div>
          <button type="submit" className="button" disabled={busy || !comments.trim()}>
            {t('plan.actions.confirmReturn')}
          </button>
        </form>
      )}
    </div>
  );
}
