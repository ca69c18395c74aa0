import { composeOfficerMessage, composeSchoolMessage } from '@safeschools/domain';
import type { EventRow } from '../../db/events/events.repository.js';
import { findNotice, toldRecipients, type ToldRow } from '../../db/alerts/notices.repository.js';
import type { ChannelName, Language } from '../../channels/channel.js';
import type { Ctx } from '../shared/context.js';
import type { AlertRecipient, RecipientAudience } from './alert-recipient.js';
import { createNotice } from './create-notice.js';
import type { FanOutDeps } from './fan-out-notice.js';
import { fanOutNotice } from './fan-out-notice.js';
import { officersOver } from '../../db/alerts/recipients.repository.js';
import { schoolNames } from '../../db/alerts/school-names.repository.js';

/**
 * A CAP Cancel: one `cancel` notice to everyone told about the event before, on the channels they were told on,
 * and to no one else. Returns null when it was sent already (or nobody was ever told).
 */
export async function cancelNotice(deps: FanOutDeps, ctx: Ctx, event: EventRow) {
  const existing = await findNotice(deps.database.db, event.id, 'cancel');
  if (existing?.state === 'queued') return null;
  const told = await toldRecipients(deps.database, deps.database.db, event.id, existing?.id ?? null);
  if (told.length === 0) return null;
  const byKey = new Map<string, ToldRow[]>();
  for (const row of told) byKey.set(row.recipient_key, [...(byKey.get(row.recipient_key) ?? []), row]);
  const schoolIds = [...new Set(told.map((t) => t.school_id).filter((id): id is string => id !== null))];
  const names = await schoolNames(deps.database, deps.database.db, schoolIds);

  const bandOf = new Map<string, number>();
  for (const t of told) if (t.school_id) bandOf.set(t.school_id, Math.max(bandOf.get(t.school_id) ?? 1, t.band ?? 1));
  const toldSchools = schoolIds.map((id) => ({ id, name: names.get(id)?.name ?? '', band: bandOf.get(id) ?? 1 }));
  const officerSchools = await officerSchoolsOf(
    deps,
    [...byKey.entries()].filter(([, rows]) => rows[0]!.school_id === null && rows[0]!.user_id !== null).map(([k]) => k),
    toldSchools,
  );
  const recipients: AlertRecipient[] = [];
  for (const [key, rows] of byKey) {
    rows.sort((a, b) => a.channel_rank - b.channel_rank);
    const first = rows[0]!;
    const language = first.language as Language;
    const schoolName = first.school_id ? (names.get(first.school_id)?.name ?? '') : '';
    const mine = officerSchools.get(key) ?? [];
    recipients.push({
      key,
      userId: first.user_id,
      schoolId: first.school_id,
      districtId: first.district_id,
      audience: first.audience as RecipientAudience,
      name: first.recipient_name,
      language,
      band: first.band,
      channels: rows.map((r) => ({ channel: r.channel as ChannelName, address: r.address })),
      compose: (link) =>
        first.school_id
          ? composeSchoolMessage({
              kind: 'cancel',
              language,
              school: schoolName,
              hazardType: event.hazardType,
              reach: null,
              planSteps: null,
              link,
            })
          : composeOfficerMessage({
              kind: 'cancel',
              language,
              hazardType: event.hazardType,
              schools: mine,
              total: mine.length,
              maxNames: 20,
              link,
            }),
    });
  }
  const notice =
    existing ??
    (await createNotice(ctx, {
      eventId: event.id,
      kind: 'cancel',
      ruleId: null,
      contentKey: 'cancel',
      createdBy: null,
      messages: {},
    }));
  const result = await fanOutNotice(deps, { noticeId: notice.id, eventId: event.id, recipients, now: ctx.now });
  return { contentKey: 'cancel', kind: 'cancel', schools: schoolIds.length, result };
}

/** For each officer told before, the told schools their scope covers now, strongest first. */
async function officerSchoolsOf(deps: FanOutDeps, officerKeys: string[], schools: { id: string; name: string; band: number }[]) {
  const out = new Map<string, { name: string; band: number }[]>();
  if (officerKeys.length === 0 || schools.length === 0) return out;
  const covers = await officersOver(
    deps.database,
    deps.database.db,
    schools.map((s) => s.id),
    ['district_officer', 'programme_manager'],
  );
  const byId = new Map(schools.map((s) => [s.id, s]));
  for (const c of covers) {
    const key = `user:${c.user_id}`;
    if (!officerKeys.includes(key)) continue;
    const s = byId.get(c.school_id);
    if (s) out.set(key, [...(out.get(key) ?? []), { name: s.name, band: s.band }]);
  }
  for (const list of out.values()) list.sort((a, b) => b.band - a.band || a.name.localeCompare(b.name));
  return out;
}
