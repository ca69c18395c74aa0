import { GeoInputError } from '../errors.js';

/**
 * Refuses documents that declare entities. Hazard feeds never need them, and entity declarations are how
 * "billion laughs" expansion and external-entity (XXE) reads are smuggled in. The parser we use does not expand
 * them either; this check makes the refusal explicit and cheap, before any parsing.
 */
export function assertSafeXml(text: string): void {
  const doctype = /<!DOCTYPE/i.exec(text);
  if (!doctype) return;
  if (/<!ENTITY/i.test(text.slice(doctype.index))) {
    throw new GeoInputError('XML_UNSAFE', 'The XML declares entities in a DOCTYPE; such documents are refused for safety.');
  }
}
