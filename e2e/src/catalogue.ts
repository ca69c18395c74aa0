import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Catalogue = { [key: string]: string | Catalogue };

/**
 * The web app's own text catalogue for a language, so a test finds controls by the words a user reads and a
 * changed translation changes the test with it instead of silently breaking it.
 */
export function catalogue(language: 'en' | 'hi' | 'ja'): (key: string, values?: Record<string, string | number>) => string {
  const file = fileURLToPath(new URL(`../../apps/web/src/locales/${language}.json`, import.meta.url));
  const root = JSON.parse(readFileSync(file, 'utf8')) as Catalogue;
  return (key, values = {}) => {
    let node: string | Catalogue | undefined = root;
    for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
    if (typeof node !== 'string') throw new Error(`no string "${key}" in the ${language} catalogue`);
    return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
      if (!(name in values)) throw new Error(`"${key}" needs a value for ${name}`);
      return String(values[name]);
    });
  };
}
