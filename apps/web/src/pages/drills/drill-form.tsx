import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { indiaDrillTargets, validateDrillRecord, type SafetyHazard, type SafetyProblem } from '@safeschools/domain';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { uuidv7 } from '../../lib/uuid-v7';
import { outbox } from '../../offline/outbox';
import { useHazardOptions } from '../plans/hazard-options';
import { StringListEditor } from '../plans/string-list-editor';
import { CorrectiveActionInputs, type ActionDraft } from './corrective-action-inputs';
import { withLocalOffset } from './local-date-time';
import { count, optionalNumber } from './number-input';
import { ObserverInputs, type ObserverDraft } from './observer-inputs';
import { issuesOf, RecordProblems } from './server-problems';
import type { Drill, NewDrill } from './types';

const countFields = ['girls', 'boys', 'otherChildren', 'childrenWithSpecialNeeds', 'teachers', 'staff'] as const;
const timeFields = ['classroomsOutSeconds', 'assemblyPointSeconds', 'headcountCompleteSeconds'] as const;
type Counts = Record<(typeof countFields)[number], string>;
type Times = Record<(typeof timeFields)[number], string>;

const noCounts: Counts = { girls: '', boys: '', otherChildren: '', childrenWithSpecialNeeds: '', teachers: '', staff: '' };
const noTimes: Times = { classroomsOutSeconds: '', assemblyPointSeconds: '', headcountCompleteSeconds: '' };

/** Records a drill. Counts only, never names of children; times in seconds from the alarm. */
export function DrillForm({ schoolId, onRecorded }: { schoolId: string; onRecorded: (drill: Drill) => void }) {
  const { t } = useTranslation();
  const hazards = useHazardOptions();
  const [hazard, setHazard] = useState<SafetyHazard>('earthquake');
  const [scenario, setScenario] = useState('');
  const [startedAt, setStartedAt] = useState('');
  const [counts, setCounts] = useState<Counts>(noCounts);
  const [observers, setObservers] = useState<ObserverDraft[]>([]);
  const [times, setTimes] = useState<Times>(noTimes);
  const [missing, setMissing] = useState('0');
  const [wrong, setWrong] = useState<string[]>([]);
  const [actions, setActions] = useState<ActionDraft[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [problems, setProblems] = useState<SafetyProblem[]>([]);
  const [queued, setQueued] = useState(false);
  // One id per attempt, so a retried post after a lost answer is not recorded twice.
  const [id, setId] = useState(uuidv7);

  const body = (): NewDrill => ({
    id,
    hazard,
    scenario: scenario.trim(),
    startedAt: withLocalOffset(startedAt),
    participants: Object.fromEntries(countFields.map((f) => [f, count(counts[f])])) as NewDrill['participants'],
    observers: observers.map((o) => ({ organisation: o.organisation, count: count(o.count) })),
    times: Object.fromEntries(timeFields.flatMap((f) => (optionalNumber(times[f]) === undefined ? [] : [[f, optionalNumber(times[f])]]))),
    missingPersons: count(missing),
    whatWentWrong: wrong.map((w) => w.trim()).filter(Boolean),
    correctiveActions: actions.map((a) => ({
      description: a.description.trim(),
      owner: a.owner.trim(),
      dueOn: a.dueOn,
      status: 'open' as const,
      ...(a.planSection ? { planSection: a.planSection } : {}),
    })),
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const record = body();
    setError(null);
    setQueued(false);
    // The domain's own checks run here first, so impossible times are caught offline and before a round trip.
    const found = validateDrillRecord({ ...record, id, schoolId, correctiveActions: record.correctiveActions?.map((a, i) => ({ ...a, id: String(i) })) ?? [] });
    setProblems(found);
    if (found.length > 0) return;
    setBusy(true);
    try {
      // Without a connection the drill waits on this device and is sent later: a school yard has no signal.
      const result = await outbox.submit('recordDrill', { params: { id: schoolId }, body: record });
      if (result.status === 'sent') onRecorded(result.response);
      else setQueued(true);
      setScenario('');
      setCounts(noCounts);
      setTimes(noTimes);
      setObservers([]);
      setWrong([]);
      setActions([]);
      setMissing('0');
      setId(uuidv7());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="drill-form-title">
      <h2 id="drill-form-title">{t('drills.form.title')}</h2>
      <div className="cascade">
        <SelectField label={t('plan.hazard')} options={hazards} value={hazard} onChange={(e) => setHazard(e.target.value as SafetyHazard)} />
        <TextField label={t('drills.form.startedAt')} type="datetime-local" required value={startedAt} onChange={(e) => setStartedAt(e.target.value)} />
      </div>
      <TextField label={t('drills.form.scenario')} value={scenario} onChange={(e) => setScenario(e.target.value)} />
      <fieldset className="fieldset">
        <legend>{t('drills.form.participants')}</legend>
        <div className="cascade">
          {countFields.map((field) => (
            <TextField
              key={field}
              label={t(`drills.form.counts.${field}`)}
              type="number"
              min={0}
              step={1}
              value={counts[field]}
              onChange={(e) => setCounts({ ...counts, [field]: e.target.value })}
            />
          ))}
        </div>
      </fieldset>
      <ObserverInputs observers={observers} onChange={setObservers} />
      <fieldset className="fieldset">
        <legend>{t('drills.form.times')}</legend>
        <p className="hint">
          {t('drills.form.targets', { classrooms: indiaDrillTargets.classroomsOutSeconds, assembly: indiaDrillTargets.assemblyPointSeconds })}
        </p>
        <div className="cascade">
          {timeFields.map((field) => (
            <TextField
              key={field}
              label={t(`drills.form.timeFields.${field}`)}
              type="number"
              min={0}
              value={times[field]}
              onChange={(e) => setTimes({ ...times, [field]: e.target.value })}
            />
          ))}
        </div>
      </fieldset>
      <TextField label={t('drills.form.missingPersons')} type="number" min={0} step={1} value={missing} onChange={(e) => setMissing(e.target.value)} />
      <StringListEditor label={t('drills.whatWentWrong')} items={wrong} onChange={setWrong} />
      <CorrectiveActionInputs actions={actions} onChange={setActions} />
      {error !== null && (
        <>
          <ErrorPanel error={error} />
          <RecordProblems issues={issuesOf(error)} family="drills.problems" />
        </>
      )}
      <RecordProblems issues={problems} family="drills.problems" />
      <div aria-live="polite">{queued && <p className="warning">{t('offline.queued')}</p>}</div>
      <button type="submit" className="button" disabled={busy}>
        {t('drills.form.submit')}
      </button>
    </form>
  );
}
