import {
  composeOfficerMessage,
  composeSchoolMessage,
  safetyHazardOf,
  type AlertAudience,
  type TemplateKind,
  type TextTemplate,
} from '@safeschools/domain';
import type { Database, Executor } from '../../db/database.js';
import {
  approvedPlanSteps,
  focalUsersOf,
  officersOver,
  peopleByIds,
  registryContactsOf,
  type ContactPerson,
} from '../../db/alerts/recipients.repository.js';
import type { ChannelName, Language } from '../../channels/channel.js';
import { normalisePhone } from '../users/phone-number.js';
import type { AlertRecipient, RecipientAudience } from './alert-recipient.js';

export interface NoticeSchool {
  id: string;
  name: string;
  districtId: string | null;
  band: number;
  intensity: number;
}

export interface RecipientQuery {
  kind: TemplateKind;
  schools: readonly NoticeSchool[];
  audiences: readonly AlertAudience[];
  hazardType: string | null;
  imt: string;
  /** Language of registry contacts of schools without a focal-point user (ALERT_CONTACT_LANGUAGE). */
  contactLanguage: Language;
  /** The sender's own words per language (manual send); the built-in templates otherwise. */
  custom?: Partial<Record<Language, TextTemplate>>;
  /** School names an officer's digest lists. */
  maxNames?: number;
}

export interface RecipientSet {
  recipients: AlertRecipient[];
  /** People found with no address for any of their channels (shown, not silently dropped). */
  noAddress: number;
}

const languages: readonly string[] = ['en', 'hi', 'ja'];
const E164 = /^\+[1-9]\d{7,14}$/;
const asLanguage = (value: string, fallback: Language): Language => (languages.includes(value) ? (value as Language) : fallback);

function userChannels(u: {
  email: string;
  phone: string | null;
  channels: string[];
}): { channel: ChannelName; address: string }[] {
  const out: { channel: ChannelName; address: string }[] = [];
  for (const c of u.channels) {
    if (c === 'email' && u.email) out.push({ channel: 'email', address: u.email.toLowerCase() });
    else if ((c === 'sms' || c === 'whatsapp') && u.phone) out.push({ channel: c, address: u.phone });
  }
  return out;
}

function contactChannels(c: ContactPerson, phones: Map<string, string | null>): { channel: ChannelName; address: string }[] {
  const out: { channel: ChannelName; address: string }[] = [];
  const email = typeof c.email === 'string' ? c.email.trim().toLowerCase() : '';
  if (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) out.push({ channel: 'email', address: email });
  if (typeof c.phone === 'string' && c.phone.trim()) {
    // Numbers already in E.164 are taken as written (the provider refuses a wrong one, which is then `failed`);
    // others are read as people type them, once per distinct number.
    if (!phones.has(c.phone)) phones.set(c.phone, E164.test(c.phone) ? c.phone : normalisePhone(c.phone));
    const phone = phones.get(c.phone);
    if (phone) out.push({ channel: 'sms', address: phone });
  }
  return out;
}

/**
 * The people of a notice: for each school its focal-point users and registry contacts (per the audiences), and
 * the officers and programme staff over the schools, each officer once with the list of their schools. Read with
 * a handful of set-based queries whatever the number of schools.
 */
export async function findRecipients(database: Database, on: Executor, q: RecipientQuery): Promise<RecipientSet> {
  const schoolIds = q.schools.map((s) => s.id);
  const byId = new Map(q.schools.map((s) => [s.id, s]));
  const recipients: AlertRecipient[] = [];
  let noAddress = 0;
  const wantsSchool = q.audiences.includes('focal_points') || q.audiences.includes('head_teachers');
  const hazard = safetyHazardOf(q.hazardType);
  const reachOf = (s: NoticeSchool) => ({ band: s.band, intensity: s.intensity, imt: q.imt });

  if (wantsSchool) {
    const [focal, contacts, steps] = await Promise.all([
      focalUsersOf(database, on, schoolIds),
      registryContactsOf(database, on, schoolIds),
      hazard ? approvedPlanSteps(database, on, schoolIds, hazard) : Promise.resolve(new Map<string, string[]>()),
    ]);
    const schoolLanguage = new Map<string, Language>();
    for (const f of focal)
      if (!schoolLanguage.has(f.school_id)) schoolLanguage.set(f.school_id, asLanguage(f.language, q.contactLanguage));
    const used = new Map<string, Set<string>>();
    const add = (school: NoticeSchool, r: Omit<AlertRecipient, 'compose' | 'schoolId' | 'districtId' | 'band'>) => {
      const seen = used.get(school.id) ?? new Set<string>();
      used.set(school.id, seen);
      const channels = r.channels.filter((c) => !seen.has(`${c.channel} ${c.address}`));
      if (r.channels.length === 0) noAddress += 1;
      if (channels.length === 0) return;
      for (const c of channels) seen.add(`${c.channel} ${c.address}`);
      const custom = q.custom?.[r.language];
      recipients.push({
        ...r,
        channels,
        schoolId: school.id,
        districtId: school.districtId,
        band: school.band,
        compose: (link) =>
          composeSchoolMessage(
            {
              kind: q.kind,
              language: r.language,
              school: school.name,
              hazardType: q.hazardType,
              reach: reachOf(school),
              planSteps: steps.get(school.id) ?? null,
              link,
            },
            custom,
          ),
      });
    };
    if (q.audiences.includes('focal_points')) {
      for (const f of focal) {
        const school = byId.get(f.school_id);
        if (school)
          add(school, {
            key: `user:${f.user_id}:${f.school_id}`,
            userId: f.user_id,
            audience: 'focal_point',
            name: f.name,
            language: asLanguage(f.language, q.contactLanguage),
            channels: userChannels(f),
          });
      }
    }
    const phones = new Map<string, string | null>();
    for (const c of contacts) {
      const school = byId.get(c.school_id);
      if (!school) continue;
      const language = schoolLanguage.get(c.school_id) ?? q.contactLanguage;
      if (q.audiences.includes('focal_points') && c.focal) {
        add(school, {
          key: `contact:${c.school_id}:focal`,
          userId: null,
          audience: 'focal_point',
          name: String(c.focal.name ?? ''),
          language,
          channels: contactChannels(c.focal, phones),
        });
      }
      if (q.audiences.includes('head_teachers') && c.head) {
        add(school, {
          key: `contact:${c.school_id}:head`,
          userId: null,
          audience: 'head_teacher',
          name: String(c.head.name ?? ''),
          language,
          channels: contactChannels(c.head, phones),
        });
      }
    }
  }

  const roles = [
    ...(q.audiences.includes('district_officers') ? ['district_officer'] : []),
    ...(q.audiences.includes('programme_staff') ? ['programme_manager'] : []),
  ];
  const covers = await officersOver(database, on, schoolIds, roles);
  const schoolsOf = new Map<string, NoticeSchool[]>();
  for (const c of covers) {
    const s = byId.get(c.school_id);
    if (!s) continue;
    const list = schoolsOf.get(c.user_id) ?? [];
    list.push(s);
    schoolsOf.set(c.user_id, list);
  }
  const people = await peopleByIds(database, on, [...schoolsOf.keys()]);
  for (const p of people) {
    const schools = (schoolsOf.get(p.id) ?? []).sort(
      (a, b) => b.band - a.band || b.intensity - a.intensity || a.name.localeCompare(b.name),
    );
    const channels = userChannels(p);
    if (channels.length === 0) {
      noAddress += 1;
      continue;
    }
    const language = asLanguage(p.language, 'en');
    const districts = new Set(schools.map((s) => s.districtId));
    const audience: RecipientAudience = p.role === 'programme_manager' ? 'programme_staff' : 'district_officer';
    recipients.push({
      key: `user:${p.id}`,
      userId: p.id,
      schoolId: null,
      districtId: districts.size === 1 ? (schools[0]?.districtId ?? null) : null,
      audience,
      name: p.name,
      language,
      band: schools[0]?.band ?? null,
      channels,
      compose: (link) =>
        composeOfficerMessage(
          {
            kind: q.kind,
            language,
            hazardType: q.hazardType,
            schools: schools.map((s) => ({ name: s.name, band: s.band })),
            total: schools.length,
            maxNames: q.maxNames ?? 20,
            link,
          },
          q.custom?.[language],
        ),
    });
  }
  return { recipients, noAddress };
}
