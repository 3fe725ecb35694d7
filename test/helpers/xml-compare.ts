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

interface MutableElement {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: MutableElement[];
}

/** Resolves `/Invoice/cac:InvoiceLine[5]/cbc:Note[2]` (prefixes ignored, index among same-name siblings, 1 when absent). */
function locate(root: MutableElement, path: string): { parent: MutableElement | undefined; node: MutableElement; attribute?: string } | undefined {
  const steps = path.split('/').filter((s) => s !== '');
  const attribute = steps[steps.length - 1]?.startsWith('@') ? steps.pop()?.slice(1).replace(/^.*:/, '') : undefined;
  let node: MutableElement | undefined;
  let parent: MutableElement | undefined;
  for (const [i, step] of steps.entries()) {
    const m = /^(?:[^:[\]]+:)?([^[\]]+)(?:\[(\d+)\])?$/.exec(step);
    if (!m) return undefined;
    const name = m[1] ?? '';
    const index = Number(m[2] ?? '1');
    if (i === 0) {
      if (root.name !== name) return undefined;
      node = root;
      continue;
    }
    parent = node;
    node = parent?.children.filter((c) => c.name === name)[index - 1];
    if (!node) return undefined;
  }
  return node ? { parent, node, ...(attribute !== undefined ? { attribute } : {}) } : undefined;
}

/**
 * The XML with what a reader reported as not kept taken out (`drop`: element or attribute
 * paths) and reported reorderings applied (`moveFirst`: element paths moved before their
 * first same-name sibling), so that the rest can be compared exactly.
 */
export function applyReportedChanges(
  xml: string,
  changes: { drop: readonly string[]; moveFirst: readonly string[]; blank?: readonly string[] },
): CanonicalElement {
  const root = structuredClone(canonicalXml(xml)) as MutableElement;
  // Resolve every path before changing anything: positions refer to the original document.
  const drops = changes.drop.map((p) => locate(root, p)).filter((x) => x !== undefined);
  const moves = changes.moveFirst.map((p) => locate(root, p)).filter((x) => x !== undefined);
  blankPaths(root, changes.blank ?? []);
  const containers = new WeakSet<MutableElement>();
  const mark = (e: MutableElement): void => {
    if (e.children.length > 0) containers.add(e);
    e.children.forEach(mark);
  };
  mark(root);
  for (const d of drops) {
    if (d.attribute !== undefined) delete d.node.attributes[d.attribute];
    else if (d.parent) d.parent.children = d.parent.children.filter((c) => c !== d.node);
  }
  // A container left without content by the drops is not written either.
  const prune = (e: MutableElement): boolean => {
    e.children = e.children.filter((c) => !prune(c));
    return containers.has(e) && e.children.length === 0 && e.text === '' && Object.keys(e.attributes).length === 0;
  };
  if (drops.length > 0) prune(root);
  for (const m of moves) {
    if (!m.parent) continue;
    const siblings = m.parent.children;
    const from = siblings.indexOf(m.node);
    const to = siblings.findIndex((c) => c.name === m.node.name);
    siblings.splice(from, 1);
    siblings.splice(to, 0, m.node);
  }
  return root;
}

const BLANK = '#blank';

/** Replaces the subtrees at `paths` by a placeholder, in place (the same paths blanked on both sides compare equal). */
function blankPaths(root: MutableElement, paths: readonly string[]): void {
  const found = paths.map((p) => locate(root, p)).filter((x) => x !== undefined);
  for (const f of found) {
    f.node.name = BLANK;
    f.node.text = '';
    f.node.attributes = {};
    f.node.children = [];
  }
}

/** The XML as a canonical tree with the subtrees at `paths` blanked (see {@link applyReportedChanges}). */
export function blankedXml(xml: string, paths: readonly string[]): CanonicalElement {
  const root = structuredClone(canonicalXml(xml)) as MutableElement;
  blankPaths(root, paths);
  return root;
}

/** Differences between two canonical trees (see {@link diffXml}). */
export function diffTrees(a: CanonicalElement, b: CanonicalElement): string[] {
  return diffXml(serializeCanonical(a), serializeCanonical(b));
}

function serializeCanonical(e: CanonicalElement): string {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const attrs = Object.entries(e.attributes).map(([k, v]) => ` ${k}="${esc(v)}"`).join('');
  return `<${e.name}${attrs}>${esc(e.text)}${e.children.map(serializeCanonical).join('')}</${e.name}>`;
}
