import { SaxesParser } from 'saxes';
import { GeoInputError, type GeoErrorCode, type GeoWarning } from '../errors.js';
import { assertSafeXml } from './assert-safe-xml.js';
import { decodeXmlBytes } from './decode-xml-bytes.js';
import type { XmlElement } from './xml-node.js';

/**
 * Parses XML text into an element tree. saxes is a non-validating parser that never fetches or expands
 * external entities; an undefined entity reference is a well-formedness error. `errorCode` is the code the
 * calling reader uses for documents that are not well-formed, so callers see one code per reader.
 */
export function parseXmlText(text: string, errorCode: GeoErrorCode): XmlElement {
  assertSafeXml(text);
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: string | undefined;

  parser.on('error', (err) => {
    failure ??= err.message;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (attr.prefix === 'xmlns' || attr.name === 'xmlns') continue;
      attrs[attr.local] = attr.value;
    }
    const el: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], text: '' };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  const addText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);

  try {
    parser.write(text).close();
  } catch (err) {
    failure ??= err instanceof Error ? err.message : String(err);
  }
  if (failure !== undefined) throw new GeoInputError(errorCode, `The XML is not well-formed: ${failure}`);
  if (!root) throw new GeoInputError(errorCode, 'The document has no root element.');
  return root;
}

/** Decodes bytes (BOM and declared encoding honoured) and parses them; encoding problems become warnings. */
export function parseXmlBytes(input: Uint8Array | string, errorCode: GeoErrorCode, warnings: GeoWarning[]): XmlElement {
  return parseXmlText(decodeXmlBytes(input, warnings), errorCode);
}
