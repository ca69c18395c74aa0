import { useId } from 'react';
import { useTranslation } from 'react-i18next';

export type Channel = 'email' | 'sms' | 'whatsapp';
export const allChannels: readonly Channel[] = ['email', 'sms', 'whatsapp'];
const needsPhone = (channel: Channel) => channel === 'sms' || channel === 'whatsapp';

/** The channels that can be saved: SMS and WhatsApp only with a phone, and e-mail when nothing else is left. */
export function usableChannels(value: readonly Channel[], hasPhone: boolean): Channel[] {
  const usable = value.filter((c) => hasPhone || !needsPhone(c));
  return usable.length ? usable : ['email'];
}

interface ChannelOrderProps {
  /** The chosen channels, first tried first. */
  value: readonly Channel[];
  onChange: (channels: Channel[]) => void;
  /** Without a phone, SMS and WhatsApp cannot be chosen (and are dropped if they were). */
  hasPhone: boolean;
  /** Whose channels, for the labels of the move buttons in a table row. */
  label?: string;
}

/** Which ways of reaching a person to use, in order: tick to use, move up or down to change the order. */
export function ChannelOrder({ value, onChange, hasPhone, label }: ChannelOrderProps) {
  const { t } = useTranslation();
  const id = useId();
  const chosen = usableChannels(value, hasPhone);
  const rest = allChannels.filter((c) => !chosen.includes(c));
  const move = (index: number, by: -1 | 1) => {
    const next = [...chosen];
    [next[index], next[index + by]] = [next[index + by]!, next[index]!];
    onChange(next);
  };
  const toggle = (channel: Channel, on: boolean) => onChange(on ? [...chosen, channel] : chosen.filter((c) => c !== channel));
  const name = (channel: Channel) => t(`account.channels.${channel}`);

  return (
    <fieldset className="channel-order">
      <legend>{label ?? t('account.channels.legend')}</legend>
      <p className="hint" id={`${id}-hint`}>
        {hasPhone ? t('account.channels.hint') : t('account.channels.needPhone')}
      </p>
      <ol aria-describedby={`${id}-hint`}>
        {[...chosen, ...rest].map((channel) => {
          const index = chosen.indexOf(channel);
          const on = index >= 0;
          const blocked = !hasPhone && needsPhone(channel);
          return (
            <li key={channel} className={on ? 'chosen' : 'not-chosen'}>
              <label>
                <input
                  type="checkbox"
                  checked={on}
                  disabled={blocked || (on && chosen.length === 1)}
                  onChange={(event) => toggle(channel, event.target.checked)}
                />{' '}
                {name(channel)}
                {on && <span className="muted small"> {t('account.channels.position', { n: index + 1 })}</span>}
              </label>
              {on && (
                <span className="move-buttons">
                  <button
                    type="button"
                    className="button small secondary"
                    disabled={index === 0}
                    aria-label={t('account.channels.moveUp', { channel: name(channel) })}
                    onClick={() => move(index, -1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="button small secondary"
                    disabled={index === chosen.length - 1}
                    aria-label={t('account.channels.moveDown', { channel: name(channel) })}
                    onClick={() => move(index, 1)}
                  >
                    ↓
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </fieldset>
  );
}
