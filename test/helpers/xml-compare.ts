/**
 * Compares two XML documents by content: element local names, attributes (namespace
 * declarations aside), trimmed text and child order. Whitespace and prefix choices do not count.
 */
import { XMLParser } from 'fast-xml-parser';

export interface CanonicalElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly CanonicalElement[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
});

type Node = Record<string, unknown>;

function canonical(node: Node): CanonicalElement | undefined {
  const name = Object.keys(node).find((k) => k !== ':@' && k !== '#comment');
  if (name === undefined || name === '#text') return undefined;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((node[':@'] as Record<string, string> | undefined) ?? {})) {
    if (k === 'xmlns' || k.startsWith('xmlns:') || k.startsWith('xmlns')) continue;
    attrs[k] = String(v);
  }
  const kids = (node[name] as Node[]) ?? [];
  let text = '';
  const children: CanonicalElement[] = [];
  for (const k of kids) {
    if ('#text' in k) text += String(k['#text']);
    else {
      const c = canonical(k);
      if (c) children.push(c);
    }
  }
  return { name, attributes: attrs, text: text.trim(), children };
}

/** Parses XML into its canonical element tree (root element only). */
export function canonicalXml(xml: string): CanonicalElement {
  const nodes = parser.parse(xml) as Node[];
  for (const n of nodes) {
    const c = canonical(n);
    if (c) return c;
  }
  throw new Error('no root element');
}

/** Lists the differences between two canonical trees as readable paths (empty when equal). */
export function diffXml(expected: string, actual: string): string[] {
  const out: string[] = [];
  const walk = (a: CanonicalElement, b: CanonicalElement, path: string): void => {
    if (a.name !== b.name) {
      out.push(`${path}: element ${a.name} became ${b.name}`);
      return;
    }
    if (a.text !== b.text) out.push(`${path}: text "${a.text}" became "${b.text}"`);
    const keys = new Set([...Object.keys(a.attributes), ...Object.keys(b.attributes)]);
    for (const k of keys) {
      if (a.attributes[k] !== b.attributes[k]) out.push(`${path}/@${k}: "${a.attributes[k] ?? '(none)'}" became "${b.attributes[k] ?? '(none)'}"`);
    }
    const n = Math.max(a.children.length, b.children.length);
    for (let i = 0; i < n; i++) {
      const ca = a.children[i];
      const cb = b.children[i];
      if (!ca) out.push(`${path}: extra ${cb?.name} at position ${i + 1}`);
      else if (!cb) out.push(`${path}: missing ${ca.name} at position ${i + 1}`);
      else walk(ca, cb, `${path}/${ca.name}[${i + 1}]`);
    }
  };
  const a = canonicalXml(expected);
  walk(a, canonicalXml(actual), `/${a.name}`);
  return out;
}
