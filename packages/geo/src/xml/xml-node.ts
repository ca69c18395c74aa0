/** A minimal, namespace-aware element tree: enough for hazard documents, nothing more. */
export interface XmlElement {
  /** Local name, without prefix. */
  name: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** Attributes by local name. */
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text and CDATA directly inside this element. */
  text: string;
}

export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => c.name === name);
}

export function firstChild(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Trimmed text of the first child with that name, or undefined when absent or empty. */
export function childText(el: XmlElement, name: string): string | undefined {
  const child = firstChild(el, name);
  if (!child) return undefined;
  const text = child.text.trim();
  return text === '' ? undefined : text;
}

export function childTexts(el: XmlElement, name: string): string[] {
  return childrenNamed(el, name)
    .map((c) => c.text.trim())
    .filter((t) => t !== '');
}

/** Depth-first search for the first descendant with that local name (and namespace when given). */
export function findDescendant(el: XmlElement, name: string, ns?: string): XmlElement | undefined {
  for (const child of el.children) {
    if (child.name === name && (ns === undefined || child.ns === ns)) return child;
    const deeper = findDescendant(child, name, ns);
    if (deeper) return deeper;
  }
  return undefined;
}
