import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { geoWarningCodes } from '@safeschools/geo';

/**
 * Every warning an event can carry is explained in the user's language: the web app shows a code it has no text
 * for as the server's raw English sentence, which a Hindi or Japanese reader may not follow. The catalogues are
 * read as data here because the server is the side that knows every code (the geo package's list).
 */
const catalogue = (lng: string) =>
  JSON.parse(readFileSync(new URL(`../../../../web/src/locales/${lng}.json`, import.meta.url), 'utf8')) as {
    events: { warnings: { codes: Record<string, string> } };
  };

describe('event warnings', () => {
  for (const lng of ['en', 'hi', 'ja']) {
    it(`has a ${lng} text for every warning code`, () => {
      const codes = catalogue(lng).events.warnings.codes;
      expect(geoWarningCodes.filter((code) => !codes[code]?.trim())).toEqual([]);
    });
  }
});
