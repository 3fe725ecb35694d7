/**
 * The one adapter to saxon-js. Everything else talks to the `XsltEngine` port, so the
 * rest of validation stays pure and testable without Saxon.
 */
import { createRequire } from 'node:module';
import { INTERNAL_NS } from '../schematron/emit.js';

// Loaded with require even from the ESM build: `import` of this 2.4 MB CommonJS file
// makes Node scan it for named exports, which costs about 200 ms of cold start.
// (esbuild empties `import.meta` in the CJS build, where `__filename` exists instead.)
const requireHere = createRequire((import.meta as { url?: string }).url ?? __filename);
const SaxonJS = requireHere('saxon-js') as typeof import('saxon-js').default;

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
 * Reads line and column from a SaxonJS parse error (`... at line 0 column 10`; SaxonJS
 * counts lines from 0, we report them from 1 like editors do).
 *
 * @example
 * describeParseError(new Error('Unexpected close tag at line 0 column 10'));
 * // { message: 'Unexpected close tag', line: 1, column: 10 }
 */
export function describeParseError(error: unknown): XmlParseFailure {
  const raw = error instanceof Error ? error.message : String(error);
  const m = /^(.*?)\s+at line (\d+) column (\d+)\s*$/s.exec(raw);
  if (!m) return { message: raw };
  return { message: m[1] ?? raw, line: Number(m[2]) + 1, column: Number(m[3]) };
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

function addParentPointers(node: Record<string, unknown>): void {
  const children = node['C'];
  if (!Array.isArray(children)) return;
  for (const c of children as Record<string, unknown>[]) {
    c['parentNode'] = node;
    addParentPointers(c);
  }
}

let compilerSef: Record<string, unknown> | undefined;

/**
 * The saxon-js implementation of the port.
 *
 * @example
 * const doc = saxonEngine.parse('<Invoice/>');
 * const json = saxonEngine.run(sef, doc);
 */
export const saxonEngine: XsltEngine = {
  parse(text) {
    return { handle: SaxonJS.getPlatform().parseXmlFromString(text) };
  },
  run(sef, doc) {
    // The document goes in as a parameter, not as `sourceNode`: SaxonJS copies a
    // source node tree on every transform, which cost more than the rules themselves.
    const result = SaxonJS.transform(
      {
        stylesheetInternal: sef,
        initialTemplate: `Q{${INTERNAL_NS}}run`,
        stylesheetParams: { [`Q{${INTERNAL_NS}}document`]: doc.handle },
        destination: 'serialized',
      },
      'sync',
    );
    return String(result.principalResult ?? '');
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
    addChecksum(sef);
    return sef;
  },
};
