import type { Area } from './types';

/** The area's name in the interface language when the registry has one, else its official name. */
export function areaName(area: Area, language: string): string {
  return area.names[language] ?? area.name;
}
