import { useTranslation } from 'react-i18next';

interface AddMemberButtonsProps {
  canAddAdult: boolean;
  disabled: boolean;
  onAddAdult: () => void;
  onAddStudents: () => void;
}

/** Adding an adult needs someone in the people list; a student group never does. */
export function AddMemberButtons({ canAddAdult, disabled, onAddAdult, onAddStudents }: AddMemberButtonsProps) {
  const { t } = useTranslation();
  return (
    <div className="cascade">
      <button type="button" className="button secondary small" disabled={disabled || !canAddAdult} onClick={onAddAdult}>
        {t('plan.members.addAdult')}
      </button>
      <button type="button" className="button secondary small" disabled={disabled} onClick={onAddStudents}>
        {t('plan.members.addStudents')}
      </button>
    </div>
  );
}
