import { AppError } from '../shared/app-error.js';
import { normalisePhone } from './phone-number.js';

export type ChannelName = 'email' | 'sms' | 'whatsapp';

export interface ContactChanges {
  /** As typed; null removes the phone; undefined keeps it. */
  phone?: string | null;
  channels?: ChannelName[];
}

/**
 * A user's phone and channels after a change: the phone in E.164 (PHONE_INVALID otherwise), and SMS or WhatsApp
 * only with a phone (CHANNEL_NEEDS_ADDRESS), also when the change removes the phone the channels still need.
 * Returns only the fields to write.
 */
export function resolveContactDetails(
  current: { phone: string | null; channels: readonly string[] },
  changes: ContactChanges,
): { phone?: string | null; channels?: ChannelName[] } {
  const out: { phone?: string | null; channels?: ChannelName[] } = {};
  if (changes.phone !== undefined) {
    if (changes.phone === null || changes.phone.trim() === '') out.phone = null;
    else {
      const e164 = normalisePhone(changes.phone);
      if (!e164) {
        throw new AppError('PHONE_INVALID', 'This is not a valid mobile or landline number.', [
          { path: 'phone', message: 'not a valid mobile or landline number', code: 'PHONE_INVALID' },
        ]);
      }
      out.phone = e164;
    }
  }
  if (changes.channels !== undefined) out.channels = [...changes.channels];
  const phone = out.phone !== undefined ? out.phone : current.phone;
  const channels = out.channels ?? current.channels;
  const needPhone = channels.filter((c) => c === 'sms' || c === 'whatsapp');
  if (!phone && needPhone.length) {
    throw new AppError('CHANNEL_NEEDS_ADDRESS', `${needPhone.join(' and ')} need a phone number.`, [
      { path: out.channels ? 'channels' : 'phone', message: 'SMS and WhatsApp need a phone number', code: 'CHANNEL_NEEDS_ADDRESS' },
    ]);
  }
  return out;
}
