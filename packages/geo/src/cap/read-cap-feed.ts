import { GeoInputError, type GeoErrorCode, type GeoWarning } from '../errors.js';
import { parseXmlBytes } from '../xml/parse-xml.js';
import { childText, childrenNamed, firstChild, type XmlElement } from '../xml/xml-node.js';
import type { CapAlert } from './cap-types.js';
import { CAP_NAMESPACES, readCapElement } from './read-cap-element.js';
import { gdacsFields, type GdacsFields } from './gdacs-fields.js';

const ATOM_NS = 'http://www.w3.org/2005/Atom';

export interface CapFeedEntry {
  id: string;
  title: string;
  /** ISO 8601 when the feed's date could be read, else the text as written. */
  updated: string;
  link?: string;
  /** Where the full CAP message can be fetched, when the entry points to one. */
  capLink?: string;
  /** A complete CAP alert embedded in the entry (GDACS does this). */
  cap?: CapAlert;
  /** What the reader noticed in the embedded alert: kept with the event it becomes, as for an uploaded file. */
  capWarnings?: GeoWarning[];
  /** Why the embedded alert was refused (then `cap` is absent): one bad alert does not stop the rest of the feed. */
  refused?: { code: GeoErrorCode; message: string };
  /** Loose cap:* elements of an index feed (NWS, Krisinformation): event, severity, expires... */
  capFields: Record<string, string>;
  gdacs?: GdacsFields;
}

export interface CapFeedResult {
  kind: 'atom' | 'rss';
  title: string;
  entries: CapFeedEntry[];
  warnings: GeoWarning[];
}

function isoDate(text: string | undefined): string {
  if (!text) return '';
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

function capFieldsOf(el: XmlElement): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const c of el.children) {
    if (CAP_NAMESPACES[c.ns] === undefined || c.children.length > 0) continue;
    const text = c.text.trim();
    if (text !== '') fields[c.name] = text;
  }
  return fields;
}

function embeddedAlert(el: XmlElement): XmlElement | undefined {
  return el.children.find((c) => c.name === 'alert' && CAP_NAMESPACES[c.ns] !== undefined);
}

/** Reads the entry's embedded alert into it, or records why the alert was refused. */
function readEmbedded(entry: CapFeedEntry, alertEl: XmlElement | undefined, where: string, warnings: GeoWarning[]): void {
  if (!alertEl) return;
  const inner: GeoWarning[] = [];
  try {
    entry.cap = readCapElement(alertEl, inner);
  } catch (error) {
    if (!(error instanceof GeoInputError)) throw error;
    entry.refused = { code: error.code, message: error.message };
    warnings.push({ code: error.code, message: `${where}: the embedded alert was refused: ${error.message}` });
  }
  if (entry.cap) entry.capWarnings = inner;
  for (const w of inner) warnings.push({ code: w.code, message: `${where}: ${w.message}` });
}

function looksLikeCap(href: string): boolean {
  return /cap/i.test(href);
}

function atomEntry(el: XmlElement, index: number, warnings: GeoWarning[]): CapFeedEntry {
  const links = childrenNamed(el, 'link').filter((l) => l.ns === ATOM_NS);
  const alternate = links.find((l) => (l.attrs['rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const capTyped = links.find((l) => l.attrs['type'] === 'application/cap+xml');
  const entry: CapFeedEntry = {
    id: childText(el, 'id') ?? '',
    title: childText(el, 'title') ?? '',
    updated: isoDate(childText(el, 'updated') ?? childText(el, 'published')),
    capFields: capFieldsOf(el),
  };
  const link = alternate?.attrs['href'];
  if (link) entry.link = link;
  const capLink = capTyped?.attrs['href'] ?? (link && (Object.keys(entry.capFields).length > 0 || looksLikeCap(link)) ? link : undefined);
  if (capLink) entry.capLink = capLink;
  readEmbedded(entry, embeddedAlert(firstChild(el, 'content') ?? el) ?? embeddedAlert(el), `entry ${index + 1}`, warnings);
  return entry;
}

function rssItem(el: XmlElement, index: number, warnings: GeoWarning[]): CapFeedEntry {
  const link = childText(el, 'link');
  const entry: CapFeedEntry = {
    id: childText(el, 'guid') ?? link ?? '',
    title: (childText(el, 'title') ?? '').replace(/\s+/g, ' '),
    updated: isoDate(childText(el, 'pubDate') ?? childText(el, 'date')),
    capFields: capFieldsOf(el),
  };
  if (link) entry.link = link;
  readEmbedded(entry, embeddedAlert(el), `item ${index + 1}`, warnings);
  if (link && (looksLikeCap(link) || entry.cap)) entry.capLink = link;
  const gdacs = gdacsFields(el, entry.cap);
  if (gdacs) entry.gdacs = gdacs;
  // GDACS RSS links the item to its report page and names the CAP message in gdacs:cap.
  if (!entry.capLink && gdacs?.capUrl) entry.capLink = gdacs.capUrl;
  return entry;
}

/**
 * Reads an Atom or RSS feed of CAP alerts: index feeds that link to CAP messages (NWS, Krisinformation) and
 * feeds that embed whole alerts (GDACS). GDACS fields come from gdacs:* elements, or from the embedded CAP
 * parameters when the feed has none. An embedded alert that readCap would refuse is refused alone: its entry
 * carries `refused` instead of `cap`, and the other entries are read as usual.
 */
export function readCapFeed(input: Uint8Array | string): CapFeedResult {
  const warnings: GeoWarning[] = [];
  const root = parseXmlBytes(input, 'CAP_FEED_INVALID', warnings);
  if (root.name === 'feed' && root.ns === ATOM_NS) {
    const entries = childrenNamed(root, 'entry').map((e, i) => atomEntry(e, i, warnings));
    return { kind: 'atom', title: childText(root, 'title') ?? '', entries, warnings };
  }
  if (root.name === 'rss') {
    const channel = firstChild(root, 'channel');
    if (!channel) throw new GeoInputError('CAP_FEED_INVALID', 'The RSS document has no channel.');
    const entries = childrenNamed(channel, 'item').map((e, i) => rssItem(e, i, warnings));
    return { kind: 'rss', title: (childText(channel, 'title') ?? '').trim(), entries, warnings };
  }
  if (root.name === 'alert') {
    throw new GeoInputError('CAP_FEED_INVALID', 'This is a single CAP alert, not a feed; read it with readCap.');
  }
  throw new GeoInputError('CAP_FEED_INVALID', `Expected an Atom <feed> or RSS <rss> document; found <${root.name}>.`);
}
