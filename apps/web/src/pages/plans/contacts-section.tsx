import { useTranslation } from 'react-i18next';
import { SelectField } from '../../components/select-field';
import { TextField } from '../../components/text-field';
import type { PlanContent } from './types';

type Contact = PlanContent['emergencyContacts'][number];
const services: readonly Contact['service'][] = ['police', 'fire', 'ambulance', 'hospital', 'disaster_management', 'education_office', 'other'];

interface ContactsSectionProps {
  contacts: readonly Contact[];
  onChange: (contacts: Contact[]) => void;
  disabled: boolean;
}

export function ContactsSection({ contacts, onChange, disabled }: ContactsSectionProps) {
  const { t } = useTranslation();
  const set = (index: number, change: Partial<Contact>) => onChange(contacts.map((c, i) => (i === index ? { ...c, ...change } : c)));
  const options = services.map((s) => ({ value: s, label: t(`plan.contacts.services.${s}`) }));
  return (
    <>
      {contacts.map((contact, index) => (
        <div key={index} className="cascade">
          <SelectField
            label={t('plan.contacts.service')}
            options={options}
            value={contact.service}
            disabled={disabled}
            onChange={(e) => set(index, { service: e.target.value as Contact['service'] })}
          />
          <TextField label={t('plan.contacts.name')} value={contact.name} disabled={disabled} onChange={(e) => set(index, { name: e.target.value })} />
          <TextField label={t('plan.contacts.phone')} type="tel" value={contact.phone} disabled={disabled} onChange={(e) => set(index, { phone: e.target.value })} />
          <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange(contacts.filter((_, i) => i !== index))}>
            {t('plan.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button secondary small" disabled={disabled} onClick={() => onChange([...contacts, { service: 'police', name: '', phone: '' }])}>
        {t('plan.contacts.add')}
      </button>
    </>
  );
}
