/**
 * The one adapter to saxon-js. Everything else talks to the `XsltEngine` port, so the
 * rest of validation stays pure and testable without Saxon.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { INTERNAL_NS } from '../schematron/emit.js';
import { findEmbeddedNodeIndex, type DispatchFilter, type ElementCondition, type NodeIndexSpec } from '../schematron/metadata.js';
import { buildDom } from './dom-builder.js';
import { findSchematronDir, replaceFile } from './package-dir.js';

type SaxonJSModule = typeof import('saxon-js').default;

// Loaded with require even from the ESM build: `import` of this 2.4 MB CommonJS file
// makes Node scan it for named exports, which costs about 200 ms of cold start.
// (esbuild empties `import.meta` in the CJS build, where `__filename` exists instead.)
const requireHere = createRequire((import.meta as { url?: string }).url ?? __filename);

/*
 * Four edits to SaxonJS 2.7's source, applied when it is loaded (saxon-js is pinned to
 * ~2.7.0; each edit is an exact text match, and without a match the file loads unchanged).
 * Every `SaxonJS.transform` builds a fresh run-time context, and in doing so
 * (1) walks the WHOLE stylesheet tree three times to find its `package` and
 *     `globalContextRequirement` nodes: with our 2.7 MB merged rule set, 60,000 nodes, about
 *     5 ms of every validation, more than a small document's rules;
 * (2) builds every mode anew: sorts its template rules and indexes them by element name.
 * Both depend on the stylesheet only, so we remember them per stylesheet (WeakMaps keyed by
 * the SEF node). What stays per transform (global variable values, documents, output) is
 * untouched. Measured on SB-base-example: 5.5 ms -> 0.1 ms of fixed cost per transform.
 * (3) makes a new QName object for an element every time a name test looks at it (each
 *     child step over 1,000 lines tests thousands of elements), and the QName constructor
 *     checks both name parts with a long regular expression: about a fifth of a large
 *     invoice's rule time, plus the garbage. The QName is kept on the element instead (an
 *     element's name never changes).
 * (4) verifies a stylesheet's checksum once per process by hashing every string of it:
 *     about 60 ms for the 10 MB built-in rule set at every cold start. The build wrote that
 *     file from rules it compiled itself, so the built-in set is marked as trusted
 *     (`TRUSTED_SEF`) and its check skipped; any other SEF is still verified.
 */

/**
 * A SEF object carrying this property set to true skips SaxonJS's checksum verification (edit 4).
 *
 * @example
 * sef[TRUSTED_SEF] = true; // only for SEF files this package compiled
 */
export const TRUSTED_SEF = 'psbvTrusted';
const SAXON_EDITS: readonly (readonly [string, string])[] = [
  [
    'function I(x,E,B){function L(X,V){H(x,X,V)}',
    'function I(x,E,B){function L(X,V){let c=psbvWalks.get(x);if(!c){c=new Map();psbvWalks.set(x,c)}let a=c.get(X);if(!a){a=[];H(x,X,function(n){a.push(n)});c.set(X,a)}for(let i=0;i<a.length;i++)V(a[i])}',
  ],
  ['"mode"===Y.N&&(y.mode=new Si(Y,ld),', '"mode"===Y.N&&(y.mode=psbvModes.get(Y)||psbvModes.set(Y,new Si(Y,ld)).get(Y),'],
  ['function G(x){function E(Z,K){K<<=8;', 'function G(x){if(x.psbvTrusted===!0)return;function E(Z,K){K<<=8;'],
  [
    'case 1:return b.QName.fromParts(q.prefix,\nq.namespaceURI,q.localName);',
    'case 1:return q.psbvName||(q.psbvName=b.QName.fromParts(q.prefix,\nq.namespaceURI,q.localName));',
  ],
];

/** True when the SaxonJS in use carries the edits above (the pinned version does). */
export let saxonPatched = false;

/*
 * Cold start. A one-file `peppol-sb validate` spends most of its time before any rule runs:
 * V8 compiling SaxonJS's 2.4 MB of JavaScript, and SaxonJS loading axios (used only to fetch
 * http(s) resources, which validation never does). So SaxonJS gets an axios that loads on
 * first use, and is compiled through `vm.Script` with a V8 code cache that the build writes
 * next to the compiled rules (`writeValidatorCodeCache`): a cache made for another source
 * text or another Node is rejected by V8 or never looked up (its name carries a hash of both).
 */
let saxonScript: { readonly script: vm.Script; readonly cachePath: string | undefined } | undefined;

/**
 * What became of the V8 code cache when SaxonJS was loaded: `used`, `rejected` (made for
 * another source or Node), or `absent` (no cache file, or SaxonJS loaded unpatched).
 *
 * @example
 * if (saxonCodeCache !== 'used') console.warn('cold starts are slower: run writeValidatorCodeCache()');
 */
export let saxonCodeCache: 'used' | 'rejected' | 'absent' = 'absent';

/** Path of the code cache for this patched source and this Node, or undefined without a schematron/ directory. */
function codeCachePath(path: string, source: string): string | undefined {
  const dir = findSchematronDir();
  if (dir === undefined) return undefined;
  // Identifies the source without hashing its 2.4 MB (about 10 ms of every cold start): the
  // installed file (version, size, modification time), our edits, the patched length, Node.
  let installed = '';
  try {
    const stat = statSync(path);
    const version = (JSON.parse(readFileSync(join(dirname(path), 'package.json'), 'utf8')) as { version?: string }).version ?? '';
    installed = `${version}|${stat.size}|${stat.mtimeMs}`;
  } catch {
    return undefined;
  }
  const hash = createHash('sha256')
    .update(installed)
    .update(JSON.stringify(SAXON_EDITS))
    .update(String(source.length))
    .update(process.version)
    .update(process.arch)
    .digest('hex')
    .slice(0, 16);
  return join(dir, 'sef', `saxon-js-${hash}.v8cache`);
}

function readIfExists(path: string | undefined): Buffer | undefined {
  if (path === undefined) return undefined;
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** A require for SaxonJS's module: the real one, except that axios loads when first used. */
function requireFor(path: string): NodeJS.Require {
  const real = createRequire(path);
  let axios: Record<string, unknown> | undefined;
  const lazyAxios = new Proxy({} as Record<string | symbol, unknown>, {
    get: (_target, key) => (axios ??= real('axios') as Record<string, unknown>)[key as string],
  });
  return Object.assign((id: string): unknown => (id === 'axios' ? lazyAxios : real(id)), {
    resolve: real.resolve,
    cache: real.cache,
    main: real.main,
    extensions: real.extensions,
  }) as NodeJS.Require;
}

function loadSaxon(): SaxonJSModule {
  const path = requireHere.resolve('saxon-js');
  const cached = requireHere.cache[path];
  if (cached) return cached.exports as SaxonJSModule;
  let source = readFileSync(path, 'utf8');
  if (!SAXON_EDITS.every(([from]) => source.split(from).length === 2)) return requireHere('saxon-js') as SaxonJSModule;
  for (const [from, to] of SAXON_EDITS) source = source.replace(from, () => to);
  source = `const psbvWalks=new WeakMap(),psbvModes=new WeakMap();${source}`;
  const cachePath = codeCachePath(path, source);
  const cachedData = readIfExists(cachePath);
  // The CommonJS wrapper Node would put around the file, on the same line (positions unchanged).
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: path,
    ...(cachedData ? { cachedData } : {}),
  });
  type Loadable = Module & { paths: string[]; filename: string; loaded: boolean };
  const ModuleClass = Module as unknown as { new (id: string): Loadable; _nodeModulePaths(dir: string): string[] };
  const m = new ModuleClass(path);
  m.filename = path;
  m.paths = ModuleClass._nodeModulePaths(path);
  if (cachedData) saxonCodeCache = script.cachedDataRejected === true ? 'rejected' : 'used';
  const run = script.runInThisContext() as (e: unknown, r: NodeJS.Require, m: unknown, f: string, d: string) => void;
  run(m.exports, requireFor(path), m, path, dirname(path));
  m.loaded = true;
  requireHere.cache[path] = m as unknown as NodeJS.Module;
  saxonPatched = true;
  saxonScript = { script, cachePath };
  return m.exports as SaxonJSModule;
}

/**
 * Writes V8's code cache of the validation engine (SaxonJS as this package loads it) next to
 * the compiled rules, so that later processes skip most of compiling it: the build calls it
 * after a warm-up validation (functions compiled by then are in the cache). Call it yourself
 * in an image build step if your install skipped the package's build. Best effort.
 *
 * @returns The file written, or undefined (no schematron/ directory, not writable, SaxonJS
 * loaded unpatched).
 *
 * @example
 * await validateDocument(sample); // warm up
 * writeValidatorCodeCache(); // '.../schematron/sef/saxon-js-1a2b3c4d5e6f7a8b.v8cache'
 */
export function writeValidatorCodeCache(): string | undefined {
  const target = saxonScript?.cachePath;
  if (!saxonScript || target === undefined) return undefined;
  return replaceFile(target, saxonScript.script.createCachedData()) ? target : undefined;
}

const SaxonJS = loadSaxon();

/** An XML document parsed once and shared by every rule set of a run. */
export interface ParsedDocument {
  readonly handle: unknown;
}

/** Where a parse error was found (1-based), when the parser says so. */
export interface XmlParseFailure {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** What validation needs from an XSLT processor. */
export interface XsltEngine {
  /** Parses XML (no DOCTYPE entities, no external fetch); throws on malformed input. */
  parse(text: string): ParsedDocument;
  /** Runs a compiled stylesheet on a parsed document; returns the serialised principal result. */
  run(sef: Readonly<Record<string, unknown>>, doc: ParsedDocument): string;
  /** Compiles XSLT 3.0 text into a SEF object (exportable as JSON). */
  compile(xslt: string): Promise<Record<string, unknown>>;
}

/**
 * Reads message, line and column from a parse error: ours (`buildDom`, 1-based) or a SaxonJS
 * one (`... at line 0 column 10`; SaxonJS counts lines from 0, we report them from 1 like
 * editors do).
 *
 * @example
 * describeParseError(new Error('Unexpected close tag at line 0 column 10'));
 * // { message: 'Unexpected close tag', line: 1, column: 10 }
 */
export function describeParseError(error: unknown): XmlParseFailure {
  if (error instanceof DomParseError) return { message: error.message, line: error.line, column: error.column };
  const raw = error instanceof Error ? error.message : String(error);
  const m = /^(.*?)\s+at line (\d+) column (\d+)\s*$/s.exec(raw);
  if (!m) return { message: raw };
  return { message: m[1] ?? raw, line: Number(m[2]) + 1, column: Number(m[3]) };
}

/** A well-formedness error found by `buildDom`, with its 1-based line and column. */
class DomParseError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** A new empty document of the DOM classes SaxonJS navigates. */
function createSaxonDocument(): unknown {
  return (SaxonJS.getPlatform() as unknown as { createDocument(): unknown }).createDocument();
}

/*
 * SEF checksum. SaxonJS refuses a SEF without the `Σ` checksum its exporter writes;
 * this is the same hash (per node: its name, then each property name and value,
 * position-salted, XOR-folded), so stylesheets we compile at run time load like the
 * ones `xslt3 -export` writes.
 */
function hashString(value: unknown, salt: number): number {
  let h = salt << 8;
  if (typeof value === 'string') for (let i = 0; i < value.length; i++) h = (h << 1) + value.charCodeAt(i);
  return h;
}

const SIGMA = String.fromCharCode(931);

function addChecksum(sef: Record<string, unknown>): void {
  let h = 0;
  let position = 0;
  const visit = (node: Record<string, unknown>): void => {
    h ^= hashString(node['N'], position) ^ hashString('http://ns.saxonica.com/xslt/export', position);
    position++;
    for (const key of Object.keys(node)) {
      if (key === 'N' || key === 'C' || key === SIGMA) continue;
      h ^= hashString(key, position) ^ hashString('', position);
      h ^= hashString(node[key], position);
    }
    const children = node['C'];
    if (Array.isArray(children)) for (const c of children) visit(c as Record<string, unknown>);
    h ^= 1;
  };
  visit(sef);
  sef[SIGMA] = (h < 0 ? 4294967295 + h + 1 : h).toString(16);
}

/** Deep copy without the `parentNode` back-pointers SaxonJS adds, so the SEF is plain JSON. */
function plain(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(plain);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) if (k !== 'parentNode') out[k] = plain(v);
  return out;
}

/*
 * SEF size. The exporter writes the in-scope namespaces (`ns`, about 700 characters with the
 * merged rule sets' prefixes) on thousands of expressions: over half of the 10 MB built-in SEF,
 * read and parsed at every cold start. SaxonJS looks `ns` up on the node or its nearest
 * ancestor that has one, so a copy equal to the inherited value changes nothing and is dropped.
 * The most common value goes on the package node first (expressions the exporter wrote without
 * `ns` then see those bindings too, which only matters for a prefix that would otherwise be
 * undeclared, an error): 10.9 MB -> about 5 MB for the built-in rules.
 */
/**
 * An `ns` value in a canonical form: bindings sorted, the empty default namespace (`=`) left
 * out (SaxonJS resolves the empty prefix to no namespace with or without it).
 */
function canonicalNamespaces(ns: string): string {
  return ns
    .split(' ')
    .filter((b) => b !== '' && b !== '=')
    .sort()
    .join(' ');
}

function mostCommonNamespaces(root: Record<string, unknown>): string | undefined {
  const counts = new Map<string, number>();
  const stack: Record<string, unknown>[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown>;
    const ns = node['ns'];
    if (typeof ns === 'string') {
      const canonical = canonicalNamespaces(ns);
      counts.set(canonical, (counts.get(canonical) ?? 0) + 1);
    }
    const children = node['C'];
    if (Array.isArray(children)) stack.push(...(children as Record<string, unknown>[]));
  }
  let best: string | undefined;
  for (const [ns, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = ns;
  return best;
}

function dropInheritedNamespaces(node: Record<string, unknown>, inherited: string | undefined): void {
  let own = inherited;
  const ns = node['ns'];
  if (typeof ns === 'string') {
    const canonical = canonicalNamespaces(ns);
    if (canonical === inherited) delete node['ns'];
    else own = canonical;
  }
  const children = node['C'];
  if (Array.isArray(children)) for (const c of children as Record<string, unknown>[]) dropInheritedNamespaces(c, own);
}

function addParentPointers(node: Record<string, unknown>): void {
  const children = node['C'];
  if (!Array.isArray(children)) return;
  for (const c of children as Record<string, unknown>[]) {
    c['parentNode'] = node;
    addParentPointers(c);
  }
}

let compilerSef: Record<string, unknown> | undefined;

/*
 * The node index. SaxonJS navigates its tree at about 2.5 µs per element, so a
 * stylesheet that walks a 1000-line invoice (22,000 elements) spends ~55 ms before any
 * rule runs. A plain JavaScript walk of the same tree takes ~7 ms: we collect here, in
 * document order, the elements the rule contexts can match (the `NodeIndexSpec` the
 * compiler embedded) and the stylesheet visits only those.
 */

/** The DOM-like tree SaxonJS builds in Node (the properties we read). */
interface DomNode {
  readonly nodeType: number;
  readonly localName?: string | null;
  readonly namespaceURI?: string | null;
  readonly nodeValue?: string | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly parentNode?: DomNode | null;
  readonly attributes?: { readonly length: number; readonly [i: number]: DomNode | undefined };
}

const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
/** XPath's normalize-space strips these four only. */
const BLANK_TEXT = /^[ \t\r\n]*$/;

/** A spec turned into lookups: namespace URI -> local names. */
interface IndexPlan {
  readonly elements: ReadonlyMap<string, ReadonlySet<string>>;
  readonly wildcards: readonly (readonly ElementCondition[])[];
  readonly attributes: ReadonlyMap<string, ReadonlySet<string>>;
  readonly anyAttribute: boolean;
}

function toLookup(groups: Readonly<Record<string, readonly string[]>>): Map<string, Set<string>> {
  return new Map(Object.entries(groups).map(([uri, locals]) => [uri, new Set(locals)]));
}

/** Name tests first, then `leaf` (one look at the children), `blank` (a subtree scan) last. */
const COST: Readonly<Record<ElementCondition['test'], number>> = {
  namespace: 0,
  'local-name': 0,
  'local-ends': 0,
  'local-starts': 0,
  'local-contains': 0,
  attribute: 0,
  leaf: 1,
  blank: 2,
};

function planOf(spec: NodeIndexSpec): IndexPlan {
  return {
    elements: toLookup(spec.elements),
    wildcards: spec.wildcards.map((w) => [...w].sort((a, b) => COST[a.test] - COST[b.test])),
    attributes: toLookup(spec.attributes),
    anyAttribute: spec.anyAttribute,
  };
}

/*
 * Per-pattern dispatch. For each element the engine works out which patterns may match it
 * (its name, cheap conditions, the names of its ancestors) and passes the pairs (element,
 * pattern) to the stylesheet. A pattern is never asked about an element none of its rule
 * contexts can match, so rules on names or paths that do not occur in a document cost
 * nothing per element, however many there are.
 */
interface Filter {
  readonly pattern: number;
  readonly conditions: readonly ElementCondition[];
  readonly chain: readonly (string | null)[];
  readonly anchored: boolean;
}

interface DispatchPlan {
  readonly patterns: number;
  /** Filters by element key (`uri}local`); wildcard filters apply to every element. */
  readonly byKey: ReadonlyMap<string, readonly Filter[]>;
  readonly wildcards: readonly Filter[];
  /** Attribute filters: pattern by attribute key (`uri}local`), and patterns for any attribute. */
  readonly attributeKeys: ReadonlyMap<string, readonly number[]>;
  readonly anyAttribute: readonly number[];
}

function toFilter(f: DispatchFilter): Filter {
  return {
    pattern: f.pattern,
    conditions: [...(f.conditions ?? [])].sort((a, b) => COST[a.test] - COST[b.test]),
    chain: (f.chain ?? []).map((step) => (step === null ? null : domKey(step))),
    anchored: f.anchored === true,
  };
}

/** `Q{uri}local` as `uri}local`, the form the walk builds cheaply. */
function domKey(key: string): string {
  return key.slice(2);
}

function dispatchPlanOf(spec: NonNullable<NodeIndexSpec['dispatch']>): DispatchPlan {
  const byKey = new Map<string, Filter[]>();
  const wildcards: Filter[] = [];
  for (const f of spec.filters) {
    if (f.key === undefined) wildcards.push(toFilter(f));
    else {
      const k = domKey(f.key);
      const list = byKey.get(k);
      if (list) list.push(toFilter(f));
      else byKey.set(k, [toFilter(f)]);
    }
  }
  const attributeKeys = new Map<string, number[]>();
  const anyAttribute: number[] = [];
  for (const a of spec.attributes) {
    if (a.key === '*') anyAttribute.push(a.pattern);
    else {
      const k = domKey(a.key);
      const list = attributeKeys.get(k);
      if (list) list.push(a.pattern);
      else attributeKeys.set(k, [a.pattern]);
    }
  }
  return { patterns: spec.patterns, byKey, wildcards, attributeKeys, anyAttribute };
}

interface Plans {
  readonly index: IndexPlan;
  readonly dispatch?: DispatchPlan;
  /** Element key (`uri}local`) -> position of its list (see `NodeIndexSpec.lists`). */
  readonly lists: ReadonlyMap<string, number>;
}

/** Plans per SEF object; null = a SEF without an embedded spec (it walks the tree itself). */
const plans = new WeakMap<object, Plans | null>();

function planFor(sef: Readonly<Record<string, unknown>>): Plans | null {
  let plan = plans.get(sef);
  if (plan === undefined) {
    const spec = findEmbeddedNodeIndex(sef);
    const lists = new Map((spec?.lists ?? []).map((key, k) => [domKey(key), k]));
    // Stylesheets compiled before per-pattern dispatch get the node list (`psbv:indexed`) instead.
    const dispatch = spec?.dispatch?.perPattern === true ? spec.dispatch : undefined;
    plan = spec ? { index: planOf(spec), lists, ...(dispatch ? { dispatch: dispatchPlanOf(dispatch) } : {}) } : null;
    plans.set(sef, plan);
  }
  return plan;
}

function keyOf(el: DomNode): string {
  return `${el.namespaceURI ?? ''}}${el.localName ?? ''}`;
}

/** Does `el` meet the filter (conditions first, then the ancestor names)? */
function passes(el: DomNode, local: string, uri: string, f: Filter): boolean {
  for (const c of f.conditions) if (!meets(el, local, uri, c)) return false;
  let node: DomNode | null = el.parentNode ?? null;
  for (const step of f.chain) {
    if (!node || node.nodeType !== 1) return false;
    if (step !== null && keyOf(node) !== step) return false;
    node = node.parentNode ?? null;
  }
  return !f.anchored || (node !== null && node.nodeType === 9);
}

/**
 * Per pattern, the elements of `doc` it may match (`elements[p]`) and the elements whose
 * attributes it may match (`attributes[p]`), each in document order; and the elements of
 * each document-wide lookup list (see `NodeIndexSpec.lists`).
 */
function collectByPattern(
  doc: DomNode,
  plan: DispatchPlan,
  listed: ReadonlyMap<string, number>,
): { elements: DomNode[][]; attributes: DomNode[][]; lists: DomNode[][] } {
  const elements: DomNode[][] = Array.from({ length: plan.patterns }, () => []);
  const attributes: DomNode[][] = Array.from({ length: plan.patterns }, () => []);
  const found: number[] = [];
  const attributesOf: number[] = [];
  const lists: DomNode[][] = Array.from({ length: listed.size }, () => []);
  const checkAttributes = plan.attributeKeys.size > 0 || plan.anyAttribute.length > 0;
  forEachElement(doc, (node) => {
    const local = node.localName ?? '';
    const uri = node.namespaceURI ?? '';
    found.length = 0;
    const key = `${uri}}${local}`;
    if (listed.size > 0) {
      const k = listed.get(key);
      if (k !== undefined) lists[k]?.push(node);
    }
    const named = plan.byKey.get(key);
    if (named) for (const f of named) if (!found.includes(f.pattern) && passes(node, local, uri, f)) found.push(f.pattern);
    for (const f of plan.wildcards) if (!found.includes(f.pattern) && passes(node, local, uri, f)) found.push(f.pattern);
    for (const p of found) elements[p]?.push(node);
    if (!checkAttributes) return;
    const attrs = node.attributes;
    if (!attrs || attrs.length === 0) return;
    attributesOf.length = 0;
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i];
      if (!a || a.namespaceURI === XMLNS_NS) continue;
      for (const p of plan.anyAttribute) if (!attributesOf.includes(p)) attributesOf.push(p);
      const keyed = plan.attributeKeys.get(`${a.namespaceURI ?? ''}}${a.localName ?? ''}`);
      if (keyed) for (const p of keyed) if (!attributesOf.includes(p)) attributesOf.push(p);
    }
    for (const p of attributesOf) attributes[p]?.push(node);
  });
  return { elements, attributes, lists };
}

/**
 * The position of the node a result's location names (`/Invoice[1]/cac:Party[1]/@x`), as
 * child indexes from the document node: comparing two such paths gives document order (an
 * attribute sorts after its element and before the element's children).
 */
function documentPosition(doc: DomNode, location: string): number[] {
  const path: number[] = [];
  if (location === '/' || location === '') return path;
  let node: DomNode | null = doc;
  for (const step of location.slice(1).split('/')) {
    if (!node) break;
    if (step.startsWith('@')) {
      path.push(-0.5);
      break;
    }
    const open = step.lastIndexOf('[');
    const name = open < 0 ? step : step.slice(0, open);
    const wanted = open < 0 ? 1 : Number.parseInt(step.slice(open + 1), 10);
    const isText = name === 'text()';
    let seen = 0;
    let index = 0;
    let next: DomNode | null = null;
    for (let c: DomNode | null = node.firstChild; c; c = c.nextSibling, index++) {
      const matches = isText ? c.nodeType === 3 || c.nodeType === 4 : c.nodeType === 1 && (c as { nodeName?: string }).nodeName === name;
      if (matches && ++seen === wanted) {
        next = c;
        break;
      }
    }
    path.push(next ? index : Number.MAX_SAFE_INTEGER);
    node = next;
  }
  return path;
}

function comparePositions(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The results (JSON array text) in document order of their locations; same-node results keep their order (pattern order). */
function inDocumentOrder(json: string, doc: DomNode): string {
  const results = JSON.parse(json === '' ? '[]' : json) as unknown;
  if (!Array.isArray(results) || results.length < 2) return json;
  const keyed = results.map((r: unknown, i) => {
    const location = typeof r === 'object' && r !== null ? (r as { location?: unknown }).location : undefined;
    return { r, i, at: documentPosition(doc, typeof location === 'string' ? location : '') };
  });
  keyed.sort((x, y) => comparePositions(x.at, y.at) || x.i - y.i);
  return JSON.stringify(keyed.map((k) => k.r));
}

/**
 * Calls `visit` for every element of `doc` in document order. Iterative (no recursion), so deep
 * documents cannot overflow the stack here.
 */
function forEachElement(doc: DomNode, visit: (el: DomNode) => void): void {
  const stack: (DomNode | null)[] = [doc.firstChild];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    stack.push(node.nextSibling);
    if (node.nodeType !== 1) continue;
    stack.push(node.firstChild);
    visit(node);
  }
}

function hasElementChild(el: DomNode): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) return true;
  return false;
}

/** True when all text below `el` is whitespace: `not(normalize-space())`. */
function isBlank(el: DomNode): boolean {
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3 || c.nodeType === 4) {
      if (!BLANK_TEXT.test(c.nodeValue ?? '')) return false;
    } else if (c.nodeType === 1 && !isBlank(c)) return false;
  }
  return true;
}

function meets(el: DomNode, local: string, uri: string, condition: ElementCondition): boolean {
  switch (condition.test) {
    case 'leaf':
      return !hasElementChild(el);
    case 'blank':
      return isBlank(el);
    case 'namespace':
      return uri === condition.value;
    case 'local-name':
      return local === condition.value;
    case 'local-ends':
      return local.endsWith(condition.value);
    case 'local-starts':
      return local.startsWith(condition.value);
    case 'local-contains':
      return local.includes(condition.value);
    case 'attribute':
      return hasAttribute(el, condition.value);
  }
}

function hasAttribute(el: DomNode, local: string): boolean {
  const attrs = el.attributes;
  if (!attrs) return false;
  for (let i = 0; i < attrs.length; i++) {
    const a = attrs[i];
    if (a && a.localName === local && !a.namespaceURI) return true;
  }
  return false;
}

function wanted(el: DomNode, plan: IndexPlan): boolean {
  const local = el.localName ?? '';
  const uri = el.namespaceURI ?? '';
  if (plan.elements.get(uri)?.has(local)) return true;
  for (const conditions of plan.wildcards) {
    if (conditions.every((c) => meets(el, local, uri, c))) return true;
  }
  const attrs = el.attributes;
  if (attrs && attrs.length > 0 && (plan.anyAttribute || plan.attributes.size > 0)) {
    for (let i = 0; i < attrs.length; i++) {
      const a = attrs[i];
      if (!a || a.namespaceURI === XMLNS_NS) continue;
      if (plan.anyAttribute || plan.attributes.get(a.namespaceURI ?? '')?.has(a.localName ?? '')) return true;
    }
  }
  return false;
}

/** The elements of `doc` a stylesheet with this plan must visit, in document order. */
function collectNodes(doc: DomNode, plan: IndexPlan): DomNode[] {
  const out: DomNode[] = [];
  forEachElement(doc, (node) => {
    if (wanted(node, plan)) out.push(node);
  });
  return out;
}

/**
 * The saxon-js implementation of the port.
 *
 * @example
 * const doc = saxonEngine.parse('<Invoice/>');
 * const json = saxonEngine.run(sef, doc);
 */
export const saxonEngine: XsltEngine = {
  parse(text) {
    // Our own strict parser builds the DOM SaxonJS's parser would (3-4x faster; see dom-builder.ts).
    const built = buildDom(text, createSaxonDocument);
    if (!built.ok) throw new DomParseError(built.message, built.line, built.column);
    return { handle: built.document };
  },
  run(sef, doc) {
    // The document goes in as a parameter, not as `sourceNode`: SaxonJS copies a
    // source node tree on every transform, which cost more than the rules themselves.
    const params: Record<string, unknown> = { [`Q{${INTERNAL_NS}}document`]: doc.handle };
    const plan = planFor(sef);
    if (plan?.dispatch) {
      const { elements, attributes, lists } = collectByPattern(doc.handle as DomNode, plan.dispatch, plan.lists);
      elements.forEach((list, p) => {
        if (list.length > 0) params[`Q{${INTERNAL_NS}}e${p}`] = list;
      });
      attributes.forEach((list, p) => {
        if (list.length > 0) params[`Q{${INTERNAL_NS}}a${p}`] = list;
      });
      params[`Q{${INTERNAL_NS}}dispatched`] = true;
      if (lists.length > 0) {
        params[`Q{${INTERNAL_NS}}listed`] = true;
        lists.forEach((list, k) => {
          params[`Q{${INTERNAL_NS}}list-${k}`] = list;
        });
      }
    } else if (plan) {
      params[`Q{${INTERNAL_NS}}nodes`] = collectNodes(doc.handle as DomNode, plan.index);
      params[`Q{${INTERNAL_NS}}indexed`] = true;
    }
    // SaxonJS implements `castable as`, failed casts and xsl:catch with thrown Errors, and
    // V8 records a stack trace for each: with rules that test `castable as xs:decimal`
    // on every line, that was 40 % of the run. The transform is synchronous, so no other
    // code sees the lowered limit; an engine error thrown out of it has no stack (its
    // message is what we report).
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let result;
    try {
      result = SaxonJS.transform(
        {
          stylesheetInternal: sef,
          initialTemplate: `Q{${INTERNAL_NS}}run`,
          stylesheetParams: params,
          destination: 'serialized',
        },
        'sync',
      );
    } finally {
      Error.stackTraceLimit = stackTraceLimit;
    }
    const output = String(result.principalResult ?? '');
    // Dispatched results come pattern by pattern (see emit.ts): back into document order.
    return plan?.dispatch ? inDocumentOrder(output, doc.handle as DomNode) : output;
  },
  async compile(xslt) {
    // SaxonJS compiles XSLT with its own compiler stylesheet (the route the xslt3 CLI
    // takes for -export); fn:transform would compile too but cannot hand the SEF back.
    if (!compilerSef) {
      compilerSef = SaxonJS.getPlatform().resource('compiler');
      addParentPointers(compilerSef);
    }
    const source = SaxonJS.getPlatform().parseXmlFromString(xslt) as Record<string, unknown>;
    source['_saxonBaseUri'] = 'file:///peppol-self-billing/generated.xsl';
    const params = new SaxonJS.XdmMap();
    params.inSituPut(SaxonJS.XS.QName.fromParts('', '', 'staticParameters'), [new SaxonJS.XdmMap()]);
    const options = SaxonJS.checkOptions({
      destination: 'application',
      initialMode: 'compile-complete',
      templateParams: { 'Q{}options': { noXPath: false, relocatable: true } },
      stylesheetParams: params,
      async: true,
    });
    SaxonJS.internalTransform(compilerSef, source, options);
    const outcome = await options.resultPromise;
    let tree = outcome?.principalResult;
    if (Array.isArray(tree)) tree = tree[0];
    const exported = SaxonJS.XPath.sefToJSON((tree as { firstChild: unknown }).firstChild, true);
    const sef = plain(exported) as Record<string, unknown>;
    const common = mostCommonNamespaces(sef);
    if (common !== undefined && sef['ns'] === undefined) sef['ns'] = common;
    dropInheritedNamespaces(sef, undefined);
    addChecksum(sef);
    return sef;
  },
};
