import { schoolTemplates, smsSegments, composeSchoolMessage, type TextTemplate } from '@safeschools/domain';
import { optedOut } from '../../../db/alerts/recipients.repository.js';
import { channelNames, type ChannelName, type Language } from '../../../channels/channel.js';
import type { Ctx } from '../../shared/context.js';
import { publicBase } from '../alert-recipient.js';
import type { EvaluateDeps } from '../evaluate-event-alerts.js';
import { noticeAudience, type NoticeRequest } from './notice-audience.js';

const languages: readonly Language[] = ['en', 'hi', 'ja'];

export interface NoticePreviewView {
  recipients: { channel: ChannelName; language: Language; count: number }[];
  people: number;
  schools: number;
  optedOut: number;
  noAddress: number;
  notConfigured: ChannelName[];
  defaults: Record<Language, TextTemplate>;
  smsSegments: Record<Language, number>;
}

/**
 * Who a manual notice would reach before it is sent: people by the channel tried first and language, the
 * opted-out channels and the people without an address, the built-in texts, and each language's SMS parts
 * as rendered for the first (strongest) school with a link of real length.
 */
export async function previewEventNotice(
  ctx: Ctx,
  deps: Pick<EvaluateDeps, 'config' | 'channels'>,
  eventId: string,
  request: NoticeRequest,
): Promise<NoticePreviewView> {
  const { event, schools, found } = await noticeAudience(ctx, deps, eventId, request);
  const opted = await optedOut(ctx.database, ctx.tx, [
    ...new Set(found.recipients.flatMap((r) => r.channels.map((c) => c.address))),
  ]);
  const counts = new Map<string, number>();
  let optedCount = 0;
  for (const r of found.recipients) {
    const open = r.channels.filter((c) => !opted.has(`${c.channel} ${c.address}`));
    optedCount += r.channels.length - open.length;
    const first = open.find((c) => deps.channels.get(c.channel) !== null) ?? open[0];
    if (!first) continue;
    const key = `${first.channel} ${r.language}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const defaults = Object.fromEntries(
    languages.map((l) => [l, schoolTemplates[event.status === 'cancelled' ? 'cancel' : 'alert'][l]]),
  ) as Record<Language, TextTemplate>;
  const sample = schools[0];
  const link = `${publicBase(deps.config)}/c/${'x'.repeat(43)}`;
  const segments = Object.fromEntries(
    languages.map((l) => {
      const text = composeSchoolMessage(
        {
          kind: 'alert',
          language: l,
          school: sample?.name ?? '',
          hazardType: event.hazardType,
          reach: sample ? { band: sample.band, intensity: sample.intensity, imt: event.imt } : null,
          planSteps: null,
          link,
        },
        request.messages[l] ?? defaults[l],
      ).sms;
      return [l, smsSegments(text).segments];
    }),
  ) as Record<Language, number>;
  return {
    recipients: [...counts].map(([key, count]) => {
      const [channel, language] = key.split(' ') as [ChannelName, Language];
      return { channel, language, count };
    }),
    people: found.recipients.length,
    schools: schools.length,
    optedOut: optedCount,
    noAddress: found.noAddress,
    notConfigured: channelNames.filter((c) => deps.channels.get(c) === null),
    defaults,
    smsSegments: segments,
  };
}
