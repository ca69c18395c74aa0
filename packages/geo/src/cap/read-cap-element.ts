import { GeoInputError, type GeoWarning } from '../errors.js';
import { childText, childTexts, childrenNamed, type XmlElement } from '../xml/xml-node.js';
import { parseCapCircle, parseCapPolygon } from './cap-area.js';
import type { CapAlert, CapArea, CapInfo, CapReference, NamedValue } from './cap-types.js';

export const CAP_NAMESPACES: Record<string, string> = {
  'urn:oasis:names:tc:emergency:cap:1.2': '1.2',
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
  'http://www.incident.com/cap/1.0': '1.0',
};

const STATUS = ['Actual', 'Exercise', 'System', 'Test', 'Draft'];
const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'];
const SCOPES = ['Public', 'Restricted', 'Private'];

function namedValues(el: XmlElement, name: string): NamedValue[] {
  return childrenNamed(el, name).map((c) => ({ valueName: childText(c, 'valueName') ?? '', value: childText(c, 'value') ?? '' }));
}

function optionalNumber(el: XmlElement, name: string): number | undefined {
  const text = childText(el, name);
  const n = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(n) ? n : undefined;
}

function readArea(el: XmlElement, where: string, warnings: GeoWarning[]): CapArea {
  const area: CapArea = {
    areaDesc: childText(el, 'areaDesc') ?? '',
    polygons: childTexts(el, 'polygon').map((t, i) => parseCapPolygon(t, `${where} polygon ${i + 1}`, warnings)),
    circles: childTexts(el, 'circle').map((t, i) => parseCapCircle(t, `${where} circle ${i + 1}`, warnings)),
    geocodes: namedValues(el, 'geocode'),
  };
  const altitude = optionalNumber(el, 'altitude');
  if (altitude !== undefined) area.altitude = altitude;
  const ceiling = optionalNumber(el, 'ceiling');
  if (ceiling !== undefined) area.ceiling = ceiling;
  if (area.areaDesc === '') warnings.push({ code: 'CAP_AREA_NO_DESC', message: `${where} has no areaDesc.` });
  return area;
}

function readInfo(el: XmlElement, index: number, warnings: GeoWarning[]): CapInfo {
  const where = `info ${index + 1}`;
  const info: CapInfo = {
    language: childText(el, 'language') ?? 'en-US',
    categories: childTexts(el, 'category'),
    event: childText(el, 'event') ?? '',
    responseTypes: childTexts(el, 'responseType'),
    urgency: childText(el, 'urgency') ?? '',
    severity: childText(el, 'severity') ?? '',
    certainty: childText(el, 'certainty') ?? '',
    eventCodes: namedValues(el, 'eventCode'),
    parameters: namedValues(el, 'parameter'),
    areas: childrenNamed(el, 'area').map((a, i) => readArea(a, `${where} area ${i + 1}`, warnings)),
  };
  for (const key of ['effective', 'onset', 'expires', 'senderName', 'headline', 'description', 'instruction', 'web'] as const) {
    const value = childText(el, key);
    if (value !== undefined) info[key] = value;
  }
  const missing: string[] = info.categories.length === 0 ? ['category'] : [];
  for (const k of ['event', 'urgency', 'severity', 'certainty'] as const) if (info[k] === '') missing.push(k);
  if (missing.length > 0) warnings.push({ code: 'CAP_INFO_INCOMPLETE', message: `${where} lacks required ${missing.join(', ')}.` });
  return info;
}

/** "sender,identifier,sent" triplets separated by whitespace (CAP 1.2 §3.2.1 references). */
export function parseReferences(text: string | undefined, warnings: GeoWarning[]): CapReference[] {
  if (!text) return [];
  const refs: CapReference[] = [];
  for (const token of text.trim().split(/\s+/)) {
    const parts = token.split(',');
    if (parts.length !== 3 || parts.some((p) => p === '')) {
      warnings.push({ code: 'CAP_REFERENCE_INVALID', message: `Reference "${token}" is not "sender,identifier,sent"; ignored.` });
      continue;
    }
    refs.push({ sender: parts[0] as string, identifier: parts[1] as string, sent: parts[2] as string });
  }
  return refs;
}

function checkEnum(value: string, allowed: string[], name: string, warnings: GeoWarning[]): void {
  if (!allowed.includes(value)) warnings.push({ code: 'CAP_VALUE_UNKNOWN', message: `${name} "${value}" is not one of ${allowed.join(', ')}.` });
}

/** Reads a CAP <alert> element (standalone or embedded in a feed). */
export function readCapElement(root: XmlElement, warnings: GeoWarning[]): CapAlert {
  const version = CAP_NAMESPACES[root.ns];
  if (root.name !== 'alert' || version === undefined) {
    throw new GeoInputError('CAP_INVALID', `Expected a CAP <alert> in namespace urn:oasis:names:tc:emergency:cap:1.2; found <${root.name}> in "${root.ns}".`);
  }
  if (version !== '1.2') warnings.push({ code: 'CAP_VERSION_OLD', message: `This is CAP ${version}; it is read as CAP 1.2.` });
  const identifier = childText(root, 'identifier');
  const sender = childText(root, 'sender');
  const sent = childText(root, 'sent');
  const lacking = [identifier ? '' : 'identifier', sender ? '' : 'sender', sent ? '' : 'sent'].filter((x) => x !== '');
  if (lacking.length > 0) throw new GeoInputError('CAP_INVALID', `The alert lacks ${lacking.join(', ')}.`);
  const alert: CapAlert = {
    version,
    identifier: identifier as string,
    sender: sender as string,
    sent: sent as string,
    status: childText(root, 'status') ?? '',
    msgType: childText(root, 'msgType') ?? '',
    scope: childText(root, 'scope') ?? '',
    references: parseReferences(childText(root, 'references'), warnings),
    infos: childrenNamed(root, 'info').map((el, i) => readInfo(el, i, warnings)),
  };
  for (const key of ['source', 'note', 'incidents'] as const) {
    const value = childText(root, key);
    if (value !== undefined) alert[key] = value;
  }
  checkEnum(alert.status, STATUS, 'status', warnings);
  checkEnum(alert.msgType, MSG_TYPES, 'msgType', warnings);
  checkEnum(alert.scope, SCOPES, 'scope', warnings);
  if (alert.infos.length === 0) {
    warnings.push({ code: 'CAP_NO_INFO', message: 'The alert has no info block: it carries no event, area or severity to act on.' });
  }
  return alert;
}
