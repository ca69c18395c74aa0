import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { trainingAudiences, type TrainingAudience } from '@safeschools/domain';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import { uuidv7 } from '../../lib/uuid-v7';
import { outbox } from '../../offline/outbox';
import { count, optionalNumber } from '../drills/number-input';
import { issuesOf, RecordProblems } from '../drills/server-problems';
import type { PlanPerson } from '../plans/types';
import { useSafetyLanguage } from '../plans/ui-language';
import { GradeCounts, type GradeCount } from './grade-counts';
import type { NewSession, TrainingModule, TrainingSession } from './types';

const participantFields = ['female', 'male', 'other', 'withDisability'] as const;
type Participants = Record<(typeof participantFields)[number], string>;
const noParticipants: Participants = { female: '', male: '', other: '', withDisability: '' };

interface TrainingFormProps {
  schoolId: string;
  modules: readonly TrainingModule[];
  people: readonly PlanPerson[];
  onRecorded: (session: TrainingSession) => void;
}

/** Records a session: adults by their plan person ids (that makes task forces trained), children as counts. */
export function TrainingForm({ schoolId, modules, people, onRecorded }: TrainingFormProps) {
  const { t } = useTranslation();
  const lang = useSafetyLanguage();
  const [moduleId, setModuleId] = useState(modules[0]?.id ?? '');
  const [heldOn, setHeldOn] = useState('');
  const [facilitator, setFacilitator] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [audience, setAudience] = useState<TrainingAudience>('teachers');
  const [attendees, setAttendees] = useState<string[]>([]);
  const [participants, setParticipants] = useState<Participants>(noParticipants);
  const [grades, setGrades] = useState<GradeCount[]>([]);
  const [pre, setPre] = useState('');
  const [post, setPost] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [queued, setQueued] = useState(false);
  const [id, setId] = useState(uuidv7);

  const body = (): NewSession => {
    const preTest = optionalNumber(pre);
    const postTest = optionalNumber(post);
    const byGrade = grades.filter((g) => g.grade.trim());
    return {
      id,
      moduleId,
      heldOn,
      facilitator: { name: facilitator.trim(), ...(organisation.trim() ? { organisation: organisation.trim() } : {}) },
      audience,
      attendeePersonIds: attendees,
      participants: { female: count(participants.female), male: count(participants.male), other: count(participants.other), withDisability: count(participants.withDisability) },
      ...(byGrade.length > 0 ? { studentsByGrade: Object.fromEntries(byGrade.map((g) => [g.grade.trim(), count(g.count)])) } : {}),
      ...(preTest === undefined ? {} : { preTestAverage: preTest }),
      ...(postTest === undefined ? {} : { postTestAverage: postTest }),
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setQueued(false);
    try {
      // Trainings are often held where there is no signal: without a connection the session waits on the device.
      const result = await outbox.submit('recordTrainingSession', { params: { id: schoolId }, body: body() });
      if (result.status === 'sent') onRecorded(result.response);
      else setQueued(true);
      setAttendees([]);
      setParticipants(noParticipants);
      setGrades([]);
      setPre('');
      setPost('');
      setId(uuidv7());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const toggle = (personId: string, on: boolean) => setAttendees((list) => (on ? [...list, personId] : list.filter((x) => x !== personId)));

  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="training-form-title">
      <h2 id="training-form-title">{t('training.form.title')}</h2>
      <div className="cascade">
        <SelectField label={t('training.module')} options={modules.map((m) => ({ value: m.id, label: m.title[lang] }))} value={moduleId} onChange={(e) => setModuleId(e.target.value)} />
        <TextField label={t('training.form.heldOn')} type="date" required value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
        <SelectField
          label={t('training.audience')}
          options={trainingAudiences.map((a) => ({ value: a, label: t(`training.audiences.${a}`) }))}
          value={audience}
          onChange={(e) => setAudience(e.target.value as TrainingAudience)}
        />
      </div>
      <div className="cascade">
        <TextField label={t('training.form.facilitator')} required value={facilitator} onChange={(e) => setFacilitator(e.target.value)} />
        <TextField label={t('training.form.organisation')} value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
      </div>
      <fieldset className="fieldset">
        <legend>{t('training.form.attendees')}</legend>
        {people.length === 0 && <p className="hint">{t('training.form.noPeople')}</p>}
        {people.map((person) => (
          <label key={person.id} className="checkbox">
            <input type="checkbox" checked={attendees.includes(person.id)} onChange={(e) => toggle(person.id, e.target.checked)} />
            {`${person.name} (${t(`plan.adultRoles.${person.role}`)})`}
          </label>
        ))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('training.form.participants')}</legend>
        <div className="cascade">
          {participantFields.map((field) => (
            <TextField
              key={field}
              label={t(`training.form.counts.${field}`)}
              type="number"
              min={0}
              step={1}
              value={participants[field]}
              onChange={(e) => setParticipants({ ...participants, [field]: e.target.value })}
            />
          ))}
        </div>
      </fieldset>
      <GradeCounts rows={grades} onChange={setGrades} />
      <div className="cascade">
        <TextField label={t('training.form.preTest')} type="number" min={0} max={100} value={pre} onChange={(e) => setPre(e.target.value)} />
        <TextField label={t('training.form.postTest')} type="number" min={0} max={100} value={post} onChange={(e) => setPost(e.target.value)} />
      </div>
      {error !== null && (
        <>
          <ErrorPanel error={error} />
          <RecordProblems issues={issuesOf(error)} family="training.problems" />
        </>
      )}
      <div aria-live="polite">{queued && <p className="warning">{t('offline.queued')}</p>}</div>
      <button type="submit" className="button" disabled={busy || !moduleId}>
        {t('training.form.submit')}
      </button>
    </form>
  );
}
