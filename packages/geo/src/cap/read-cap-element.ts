import { GeoInputError, type GeoWarning } from '../errors.js';
import { childText, childTexts, childrenNamed, type XmlElement } from '../xml/xml-node.js';
import { completeGeocodes, parseCapCircle, parseCapPolygon } from './cap-area.js';
import { checkDateTime } from './cap-datetime.js';
import { readReferences } from './cap-references.js';
import {
  CATEGORIES,
  CERTAINTIES,
  checkId,
  listed,
  MSG_TYPES,
  requirePresent,
  SCOPES,
  shown,
  SEVERITIES,
  STATUS,
  URGENCIES,
} from './cap-rules.js';
import type { CapAlert, CapArea, CapInfo, NamedValue } from './cap-types.js';

export const CAP_NAMESPACES: Record<string, string> = {
  'urn:oasis:names:tc:emergency:cap:1.2': '1.2',
  'urn:oasis:names:tc:emergency:cap:1.1': '1.1',
  'http://www.incident.com/cap/1.0': '1.0',
};

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
    polygons: childTexts(el, 'polygon').map((t, i) => parseCapPolygon(t, `${where} polygon ${i + 1}`)),
    circles: childTexts(el, 'circle').map((t, i) => parseCapCircle(t, `${where} circle ${i + 1}`, warnings)),
    geocodes: completeGeocodes(namedValues(el, 'geocode'), where, warnings),
  };
  const altitude = optionalNumber(el, 'altitude');
  if (altitude !== undefined) area.altitude = altitude;
  const ceiling = optionalNumber(el, 'ceiling');
  if (ceiling !== undefined) area.ceiling = ceiling;
  if (area.areaDesc === '') warnings.push({ code: 'CAP_AREA_NO_DESC', message: `${where} has no areaDesc.` });
  return area;
}

function readCategories(el: XmlElement, where: string, warnings: GeoWarning[]): string[] {
  const categories = childTexts(el, 'category');
  if (categories.length === 0) warnings.push({ code: 'CAP_INFO_INCOMPLETE', message: `${where} has no category.` });
  for (const category of categories.filter((c) => !(CATEGORIES as readonly string[]).includes(c))) {
    warnings.push({
      code: 'CAP_VALUE_UNKNOWN',
      message: `${where}: category "${shown(category)}" is not one of ${CATEGORIES.join(', ')}.`,
    });
  }
  return categories;
}

function readInfo(el: XmlElement, index: number, warnings: GeoWarning[]): CapInfo {
  const where = `info ${index + 1}`;
  const required = {
    event: childText(el, 'event'),
    urgency: childText(el, 'urgency'),
    severity: childText(el, 'severity'),
    certainty: childText(el, 'certainty'),
  };
  const { event, urgency, severity, certainty } = requirePresent(required, where);
  const info: CapInfo = {
    language: childText(el, 'language') ?? 'en-US',
    categories: readCategories(el, where, warnings),
    event,
    responseTypes: childTexts(el, 'responseType'),
    urgency: listed(urgency, URGENCIES, 'urgency', where, warnings),
    severity: listed(severity, SEVERITIES, 'severity', where, warnings),
    certainty: listed(certainty, CERTAINTIES, 'certainty', where, warnings),
    eventCodes: namedValues(el, 'eventCode'),
    parameters: namedValues(el, 'parameter'),
    areas: childrenNamed(el, 'area').map((a, i) => readArea(a, `${where} area ${i + 1}`, warnings)),
  };
  for (const key of ['effective', 'onset', 'expires'] as const) {
    const value = childText(el, key);
    if (value !== undefined) info[key] = checkDateTime(value, `${where} ${key}`);
  }
  for (const key of ['senderName', 'headline', 'description', 'instruction', 'web'] as const) {
    const value = childText(el, key);
    if (value !== undefined) info[key] = value;
  }
  return info;
}

/** Reads a CAP <alert> element (standalone or embedded in a feed). */
export function readCapElement(root: XmlElement, warnings: GeoWarning[]): CapAlert {
  const version = CAP_NAMESPACES[root.ns];
  if (root.name !== 'alert' || version === undefined) {
    throw new GeoInputError(
      'CAP_INVALID',
      `Expected a CAP <alert> in namespace urn:oasis:names:tc:emergency:cap:1.2; found <${root.name}> in "${root.ns}".`,
    );
  }
  if (version !== '1.2') warnings.push({ code: 'CAP_VERSION_OLD', message: `This is CAP ${version}; it is read as CAP 1.2.` });
  const text = (name: string) => childText(root, name);
  const required = {
    identifier: text('identifier'),
    sender: text('sender'),
    sent: text('sent'),
    status: text('status'),
    msgType: text('msgType'),
    scope: text('scope'),
  };
  const { identifier, sender, sent, status, msgType, scope } = requirePresent(required, 'The alert');
  const type = listed(msgType, MSG_TYPES, 'msgType', 'alert', warnings);
  const alert: CapAlert = {
    version,
    identifier: checkId(identifier, 'identifier'),
    sender: checkId(sender, 'sender'),
    sent: checkDateTime(sent, 'sent'),
    status: listed(status, STATUS, 'status', 'alert', warnings),
    msgType: type,
    scope: listed(scope, SCOPES, 'scope', 'alert', warnings),
    references: readReferences(text('references'), type),
    infos: childrenNamed(root, 'info').map((el, i) => readInfo(el, i, warnings)),
  };
  for (const key of ['source', 'note', 'incidents'] as const) {
    const value = text(key);
    if (value !== undefined) alert[key] = value;
  }
  const needed = alert.scope === 'Restricted' ? 'restriction' : alert.scope === 'Private' ? 'addresses' : undefined;
  if (needed !== undefined && text(needed) === undefined) {
    warnings.push({
      code: 'CAP_SCOPE_INCOMPLETE',
      message: `The alert is ${alert.scope} but has no <${needed}>; it is read as sent.`,
    });
  }
  if (alert.infos.length === 0) {
    warnings.push({
      code: 'CAP_NO_INFO',
      message: 'The alert has no info block: it carries no event, area or severity to act on.',
    });
  }
  return alert;
}
