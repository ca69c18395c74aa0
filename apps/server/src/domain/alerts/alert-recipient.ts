import type { RenderedMessage } from '@safeschools/domain';
import type { ChannelName, Language } from '../../channels/channel.js';

export type RecipientAudience = 'focal_point' | 'head_teacher' | 'district_officer' | 'programme_staff';

/** One person to tell in one notice, with their channels in the order to try, and how their message reads. */
export interface AlertRecipient {
  /** 'user:<id>:<school id>' (a focal point, per school), 'user:<id>' (an officer), 'contact:<school id>:focal|head'. */
  key: string;
  userId: string | null;
  /** Set for a message about one school (it then carries that school's check-in link); null for an officer's digest. */
  schoolId: string | null;
  districtId: string | null;
  audience: RecipientAudience;
  name: string;
  language: Language;
  /** The school's band (the highest of an officer's schools); null when not about a band. */
  band: number | null;
  channels: { channel: ChannelName; address: string }[];
  /** The message with this person's link in it: a check-in link for a school's people, the event page for officers. */
  compose(link: string): RenderedMessage;
}

/** Base of links in messages: PUBLIC_URL, else the address the server listens on. */
export function publicBase(config: { PUBLIC_URL?: string | undefined; HOST: string; PORT: number }): string {
  return (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '');
}
