import { describe, expect, it } from 'vitest';
import { geoError } from '../testing/expect-geo-error.js';
import { mutatedText } from '../testing/mutated-text.js';
import { sharedBytes } from '../testing/shared-data.js';
import { readCap } from './read-cap.js';

// Each case breaks exactly one CAP 1.2 rule in a real message; the table of rules is in cap-rules.ts.
const EX1 = 'cap/oasis/oasis_cap12_example1.xml';
const EX2 = 'cap/oasis/oasis_cap12_example2.xml';
const EX3 = 'cap/oasis/oasis_cap12_example3.xml';
const CANADA = 'cap/agencies/canada.cap';
const CANCEL = 'cap/agencies/no_info_tag.cap';
const AUSTRALIA = 'cap/agencies/australia.cap';
const DWD = 'cap/agencies/dwd_multilang_small.xml';
const GDACS = 'cap/gdacs/kontur_gdacs_cap_EQ_1279931_japan.xml';

type Edit = [from: string | RegExp, to: string];
const refused = (path: string, ...edits: Edit[]) => geoError(() => readCap(mutatedText(path, ...edits))).code;
const element = (name: string) => new RegExp(`<${name}>[^<]*</${name}>`);

describe('the real messages these cases start from', () => {
  it.each([
    [EX1, []],
    [EX2, []],
    [EX3, ['CAP_CIRCLE_ZERO_RADIUS']],
    [CANADA, []],
    [CANCEL, ['CAP_NO_INFO']],
    [AUSTRALIA, []],
    [DWD, []],
    [GDACS, []],
  ])('%s is read, with no warning but its own', (path, codes) => {
    expect(readCap(sharedBytes(path)).warnings.map((w) => w.code)).toEqual(codes);
  });
});

describe('references on Update, Cancel, Ack and Error', () => {
  it.each([
    ['an Update without <references>', CANADA, [/<references>[^<]*<\/references>/, '']],
    ['an Update with an empty <references/>', CANADA, [/<references>[^<]*<\/references>/, '<references></references>']],
    ['an Update with blank <references>', DWD, [/<references>[^<]*<\/references>/, '<references>  \n </references>']],
    ['a Cancel without <references>', CANCEL, [/<references>[^<]*<\/references>/, '']],
    ['an Ack without <references>', EX1, ['<msgType>Alert</msgType>', '<msgType>Ack</msgType>']],
    ['an Error without <references>', EX1, ['<msgType>Alert</msgType>', '<msgType>Error</msgType>']],
  ] as [string, string, Edit][])('refuses %s', (_what, path, edit) => {
    expect(refused(path, edit)).toBe('CAP_REFERENCES_MISSING');
  });

  it('reads every triple of a well-formed list (an Alert may have none)', () => {
    expect(readCap(sharedBytes(CANADA)).alert.references.map((r) => r.identifier)).toEqual([
      '2.49.0.1.124.a3f342a4.2012',
      '2.49.0.1.124.60f31a3a.2012',
    ]);
    expect(readCap(sharedBytes(EX1)).alert.references).toEqual([]);
  });

  it.each([
    ['a triple with two parts', EX3, ['TRI13970876.1,2003-06-11T20:30:00-07:00', 'TRI13970876.1']],
    ['a triple with four parts', DWD, ['fc4f7fd9-80e7', 'fc4f7fd9,80e7']],
    ['a triple whose sent is a date only', CANADA, ['60f31a3a.2012,2012-05-02T21:55:21-00:00', '60f31a3a.2012,2012-05-02']],
    ['a triple whose sent has no offset', EX3, ['2003-06-11T20:30:00-07:00', '2003-06-11T20:30:00']],
    ['a triple with an empty identifier', CANCEL, [',1017033100951096-517189320160225203219800,', ',,']],
    ['a triple whose sender has a restricted character', EX3, ['trinet@caltech.edu,TRI', 'trinet&amp;caltech.edu,TRI']],
  ] as [string, string, Edit][])('refuses %s', (_what, path, edit) => {
    expect(refused(path, edit)).toBe('CAP_REFERENCE_INVALID');
  });
});

describe('required alert elements and their values', () => {
  it.each(['identifier', 'sender', 'sent', 'status', 'msgType', 'scope'])('refuses an alert without %s', (name) => {
    expect(refused(EX2, [element(name), ''])).toBe('CAP_ELEMENT_MISSING');
    expect(refused(EX2, [element(name), `<${name}> </${name}>`])).toBe('CAP_ELEMENT_MISSING');
  });

  it.each([
    ['status', '<status>Actual</status>', '<status>Practice</status>'],
    ['msgType', '<msgType>Alert</msgType>', '<msgType>Notice</msgType>'],
    ['scope', '<scope>Public</scope>', '<scope>Everyone</scope>'],
  ])('refuses a %s outside the CAP list', (_name, from, to) => {
    expect(refused(EX2, [from, to])).toBe('CAP_VALUE_UNKNOWN');
  });

  it('reads a listed value written in another case as the listed one, with a warning', () => {
    const { alert, warnings } = readCap(mutatedText(EX2, ['<status>Actual</status>', '<status>actual</status>']));
    expect(alert.status).toBe('Actual');
    expect(warnings.map((w) => w.code)).toEqual(['CAP_VALUE_CASE']);
  });

  it.each([
    ['a space', 'KSTO 1055887203'],
    ['a comma', 'KSTO,1055887203'],
    ['an ampersand', 'KSTO&amp;1055887203'],
    ['a less-than sign', 'KSTO&lt;1055887203'],
  ])('refuses an identifier with %s', (_what, identifier) => {
    expect(refused(EX2, ['<identifier>KSTO1055887203</identifier>', `<identifier>${identifier}</identifier>`])).toBe(
      'CAP_IDENTIFIER_INVALID',
    );
  });

  it.each([
    ['a space', 'webmaster at rfs.nsw.gov.au'],
    ['a comma', 'webmaster,rfs.nsw.gov.au'],
    ['an ampersand', 'webmaster&amp;rfs.nsw.gov.au'],
    ['a less-than sign', '&lt;webmaster@rfs.nsw.gov.au'],
  ])('refuses a sender with %s', (_what, sender) => {
    expect(refused(AUSTRALIA, ['<cap:sender>webmaster@rfs.nsw.gov.au</cap:sender>', `<cap:sender>${sender}</cap:sender>`])).toBe(
      'CAP_SENDER_INVALID',
    );
  });

  it.each([
    ['Restricted', '<restriction>', 'restriction'],
    ['Private', '<addresses>', 'addresses'],
  ])('reads a %s alert without %s, with a warning', (scope, _tag, name) => {
    const scoped = mutatedText(EX2, ['<scope>Public</scope>', `<scope>${scope}</scope>`]);
    expect(readCap(scoped).warnings.map((w) => w.code)).toEqual(['CAP_SCOPE_INCOMPLETE']);
    const complete = scoped.replace(`<scope>${scope}</scope>`, `<scope>${scope}</scope><${name}>county staff</${name}>`);
    expect(readCap(complete).warnings).toEqual([]);
  });
});

describe('dates and times', () => {
  it.each([
    ['sent without an offset', EX2, '<sent>2003-06-17T14:57:00-07:00</sent>', '<sent>2003-06-17T14:57:00</sent>'],
    ['sent in words', EX2, '<sent>2003-06-17T14:57:00-07:00</sent>', '<sent>17 June 2003, 14:57 PDT</sent>'],
    ['sent on 31 June', EX2, '<sent>2003-06-17T14:57:00-07:00</sent>', '<sent>2003-06-31T14:57:00-07:00</sent>'],
    ['sent at hour 24', EX2, '<sent>2003-06-17T14:57:00-07:00</sent>', '<sent>2003-06-17T24:57:00-07:00</sent>'],
    ['sent with an offset of 15 hours', EX2, '<sent>2003-06-17T14:57:00-07:00</sent>', '<sent>2003-06-17T14:57:00-15:00</sent>'],
    ['expires without an offset', EX2, '<expires>2003-06-17T16:00:00-07:00</expires>', '<expires>2003-06-17T16:00:00</expires>'],
    ['effective without seconds', AUSTRALIA, '<cap:effective>2011-10-05T23:04:00+10:00', '<cap:effective>2011-10-05T23:04+10:00'],
    ['onset as a date only', DWD, '<onset>2023-06-23T11:14:00+02:00</onset>', '<onset>2023-06-23</onset>'],
  ])('refuses %s', (_what, path, from, to) => {
    expect(refused(path, [from, to])).toBe('CAP_DATETIME_INVALID');
  });

  it('accepts "Z" for UTC (agency feeds write it) and fractional seconds, without a warning', () => {
    const zulu = mutatedText(GDACS, ['<sent>2021-08-03T05:28:23-00:00</sent>', '<sent>2021-08-03T05:28:23.250Z</sent>']);
    const { alert, warnings } = readCap(zulu);
    expect(alert.sent).toBe('2021-08-03T05:28:23.250Z');
    expect(warnings).toEqual([]);
  });

  it('accepts 29 February in a leap year only', () => {
    expect(readCap(mutatedText(EX2, ['<sent>2003-06-17', '<sent>2004-02-29'])).alert.sent).toMatch(/^2004-02-29/);
    expect(refused(EX2, ['<sent>2003-06-17', '<sent>2003-02-29'])).toBe('CAP_DATETIME_INVALID');
  });
});
