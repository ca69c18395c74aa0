import type { ResponseOf, getSchool } from '@safeschools/contract';

export type School = ResponseOf<typeof getSchool>;

/** The school's name in the interface language when the registry has one, else its official name. */
export function schoolName(school: School, language: string): string {
  return school.names[language] ?? school.name;
}
