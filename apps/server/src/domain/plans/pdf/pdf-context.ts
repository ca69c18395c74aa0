import {
  parseIsoDate,
  type Localized,
  type PlanMember,
  type PlanPerson,
  type SafetyLanguage,
  type SchoolDisasterManagementPlan,
} from '@safeschools/domain';
import type { PdfBlock, PdfCell } from './pdf-document.js';
import { adultRoleLabels, pdfLabels } from './pdf-labels.js';

const locales: Readonly<Record<SafetyLanguage, string>> = { en: 'en-GB', hi: 'hi-IN', ja: 'ja-JP' };

/** What every section builder needs: the language, the plan's people and the shared ways of printing things. */
export interface PdfContext {
  readonly lang: SafetyLanguage;
  readonly plan: SchoolDisasterManagementPlan;
  say(label: Localized): string;
  date(value: string): string;
  /** Name, role and phone cells of a member; a student group shows its size and never a name. */
  member(member: PlanMember): { readonly name: PdfCell; readonly role: string; readonly phone: string };
  /** `blocks`, or a "none recorded" note when the section has nothing in it. */
  orNone(count: number, blocks: () => PdfBlock[]): PdfBlock[];
}

export function createPdfContext(plan: SchoolDisasterManagementPlan, lang: SafetyLanguage): PdfContext {
  const say = (label: Localized): string => label[lang];
  const people = new Map<string, PlanPerson>(plan.content.people.map((person) => [person.id, person]));
  const dateFormat = new Intl.DateTimeFormat(locales[lang], { dateStyle: 'long', timeZone: 'UTC' });

  return {
    lang,
    plan,
    say,
    date(value) {
      try {
        return dateFormat.format(parseIsoDate(value));
      } catch {
        // Not an ISO date (older data, a free-text entry): print it as the school wrote it.
        return value;
      }
    },
    member(member) {
      if (member.kind === 'students') {
        const group = member.grade
          ? `${say(pdfLabels.studentGroup)} (${say(pdfLabels.grade)} ${member.grade})`
          : say(pdfLabels.studentGroup);
        const count =
          member.count === 1 ? say(pdfLabels.students1) : say(pdfLabels.studentsN).replace('{n}', String(member.count));
        return { name: group, role: count, phone: '' };
      }
      const person = people.get(member.personId);
      if (!person) return { name: say(pdfLabels.unknownPerson), role: '', phone: '' };
      const role = person.designation
        ? `${say(adultRoleLabels[person.role])}, ${person.designation}`
        : say(adultRoleLabels[person.role]);
      return { name: member.isLeader ? { text: person.name, strong: true } : person.name, role, phone: person.phone ?? '' };
    },
    orNone(count, blocks) {
      return count === 0 ? [{ kind: 'note', text: say(pdfLabels.noneRecorded) }] : blocks();
    },
  };
}
