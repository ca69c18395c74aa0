import { safetyHazards, type SafetyHazard } from '../safety/hazards.js';
import type { SafetyLanguage } from '../safety/i18n.js';
import {
  bandWords,
  builtInActions,
  genericAction,
  hazardNames,
  insideArea,
  levelWord,
  measureNames,
  measureUnits,
  moreSchools,
  officerTemplates,
  schoolTemplates,
  unknownHazardName,
  unsubscribeLine,
  type TemplateKind,
  type TextTemplate,
} from './alert-texts.js';

/** One rendered message: the e-mail subject and body, and the SMS text (also used for WhatsApp). */
export interface RenderedMessage {
  subject: string;
  body: string;
  sms: string;
}

/** Fills `{name}` placeholders present in `values`; any other braces are left as written. */
export function fillPlaceholders(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  );
}

const hazardAliases: Readonly<Record<string, SafetyHazard>> = {
  hurricane: 'cyclone',
  typhoon: 'cyclone',
  storm: 'cyclone',
  wind: 'cyclone',
  flooding: 'flood',
  rain: 'flood',
  heat: 'heatwave',
  thunderstorm: 'lightning',
  wildfire: 'fire',
  seismic: 'earthquake',
  shaking: 'earthquake',
};

/** The plan hazard an event's hazard type speaks of ("Tropical Cyclone" → cyclone), or null. */
export function safetyHazardOf(hazardType: string | null): SafetyHazard | null {
  if (!hazardType) return null;
  const words = hazardType.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  for (const w of words) {
    if ((safetyHazards as readonly string[]).includes(w)) return w as SafetyHazard;
    const alias = hazardAliases[w];
    if (alias) return alias;
  }
  return null;
}

export function hazardName(hazardType: string | null, language: SafetyLanguage): string {
  const known = safetyHazardOf(hazardType);
  if (known) return hazardNames[known][language];
  return hazardType?.trim() || unknownHazardName[language];
}

export interface Reach {
  band: number;
  intensity: number;
  /** The event's measure: MMI, PGA, WIND, INSIDE. */
  imt: string;
}

export function bandWord(band: number, language: SafetyLanguage): string {
  const word = bandWords[Math.min(Math.max(band, 1), bandWords.length) - 1]!;
  return word[language];
}

function formatValue(value: number): string {
  return Math.abs(value) >= 10 ? value.toFixed(0) : value.toFixed(1);
}

/** "strong (level 2: MMI 6.3)", or "inside the alert area" for footprints and CAP areas. */
export function intensityText(reach: Reach, language: SafetyLanguage): string {
  if (reach.imt === 'INSIDE' || !measureNames[reach.imt]) return insideArea[language];
  const level = fillPlaceholders(levelWord[language], { band: String(reach.band) });
  const measure = `${measureNames[reach.imt]![language]} ${formatValue(reach.intensity)}${measureUnits[reach.imt] ?? ''}`;
  return `${bandWord(reach.band, language)} (${level}: ${measure})`;
}

/**
 * What to do: the steps of the school's own approved plan for this hazard when it has them (in the plan's words),
 * else the built-in line. SMS always gets the built-in line: a plan's steps would not fit.
 */
export function actionText(
  hazard: SafetyHazard | null,
  planSteps: readonly string[] | null,
  language: SafetyLanguage,
): { full: string; short: string } {
  const short = hazard ? builtInActions[hazard][language] : genericAction[language];
  const steps = (planSteps ?? []).map((s) => s.trim()).filter((s) => s !== '');
  return { full: steps.length > 0 ? steps.map((s, i) => `${i + 1}. ${s}`).join('\n') : short, short };
}

export interface SchoolMessageInput {
  kind: TemplateKind;
  language: SafetyLanguage;
  school: string;
  hazardType: string | null;
  reach: Reach | null;
  /** The SOP steps of the school's approved plan for this hazard, or null. */
  planSteps: readonly string[] | null;
  link: string;
}

/** The message to a school's own people; `custom`: the sender's own words (manual send), same placeholders. */
export function composeSchoolMessage(input: SchoolMessageInput, custom?: TextTemplate): RenderedMessage {
  const { language } = input;
  const template = custom ?? schoolTemplates[input.kind][language];
  const action = actionText(safetyHazardOf(input.hazardType), input.planSteps, language);
  const values = {
    school: input.school,
    hazard: hazardName(input.hazardType, language),
    intensity: input.reach ? intensityText(input.reach, language) : insideArea[language],
    link: input.link,
    count: '1',
    schools: input.school,
  };
  return {
    subject: fillPlaceholders(template.subject, { ...values, action: action.short }),
    body: fillPlaceholders(template.body, { ...values, action: action.full }),
    sms: fillPlaceholders(template.sms, { ...values, action: action.short }),
  };
}

export interface OfficerSchool {
  name: string;
  band: number;
}

export interface OfficerMessageInput {
  kind: TemplateKind;
  language: SafetyLanguage;
  hazardType: string | null;
  /** Affected schools of this officer in this notice, strongest first; `total` may exceed the names given. */
  schools: readonly OfficerSchool[];
  total: number;
  /** How many school names to list. */
  maxNames: number;
  /** The event page. */
  link: string;
}

/** One line per school with its band word, up to `maxNames`, then how many more. */
export function schoolDigest(
  schools: readonly OfficerSchool[],
  total: number,
  maxNames: number,
  language: SafetyLanguage,
): string {
  const shown = schools.slice(0, maxNames);
  const lines = shown.map(
    (s) => `- ${s.name} (${bandWord(s.band, language)}, ${fillPlaceholders(levelWord[language], { band: String(s.band) })})`,
  );
  if (total > shown.length) lines.push(fillPlaceholders(moreSchools[language], { n: String(total - shown.length) }));
  return lines.join('\n');
}

/** One message to an officer listing their affected schools, instead of one per school. */
export function composeOfficerMessage(input: OfficerMessageInput, custom?: TextTemplate): RenderedMessage {
  const { language } = input;
  const template = custom ?? officerTemplates[input.kind][language];
  const names = input.schools.slice(0, 3).map((s) => s.name);
  const values = {
    hazard: hazardName(input.hazardType, language),
    count: String(input.total),
    schools: schoolDigest(input.schools, input.total, input.maxNames, language),
    school: input.total > names.length ? `${names.join(', ')} +${input.total - names.length}` : names.join(', '),
    intensity: '',
    action: actionText(safetyHazardOf(input.hazardType), null, language).short,
    link: input.link,
  };
  return {
    subject: fillPlaceholders(template.subject, values),
    body: fillPlaceholders(template.body, values),
    sms: fillPlaceholders(template.sms, values),
  };
}

/** An e-mail body with its unsubscribe line at the end (delivery finds the URL again with `findUnsubscribeUrl`). */
export function withUnsubscribe(body: string, url: string, language: SafetyLanguage): string {
  return `${body}\n\n--\n${fillPlaceholders(unsubscribeLine[language], { url })}`;
}

/** The unsubscribe URL `withUnsubscribe` put at the end of a body, for the List-Unsubscribe header. */
export function findUnsubscribeUrl(body: string): string | undefined {
  const last = body.slice(body.lastIndexOf('\n--\n') + 1);
  return /(https?:\/\/\S+\/u\/[A-Za-z0-9_-]{16,})\s*$/.exec(last)?.[1];
}

export { officerTemplates, schoolTemplates, type TemplateKind, type TextTemplate };
