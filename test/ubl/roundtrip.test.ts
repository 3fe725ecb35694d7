/**
 * Loss-free round trip: parseUbl(serializeUbl(parseUbl(x))) deep-equals parseUbl(x), and the
 * serialized XML has exactly the elements, values and attributes of the source.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseUbl } from '../../src/ubl/parse/index.js';
import { serializeUbl } from '../../src/ubl/serialize/index.js';
import { formatDecimal } from '../../src/model/decimal.js';
import { applyReportedChanges, blankedXml, diffTrees, diffXml } from '../helpers/xml-compare.js';
import { validateAgainstUblXsd } from '../helpers/xsd.js';

const shared = resolve(process.cwd(), '../shared/peppol-sb');
const examples = readdirSync(resolve(shared, 'examples')).filter((f) => f.endsWith('.xml')).sort();
const realistic = readdirSync(resolve(shared, 'realistic')).filter((f) => f.endsWith('.xml')).sort();
const read = (dir: string, f: string): string => readFileSync(resolve(shared, dir, f), 'utf8');

/** Decimals compared by value and written form, so that `25.0` vs `25` counts as a change. */
function plain(value: unknown): unknown {
  if (value && typeof value === 'object' && 'toFixed' in value && 'd' in value) return `Decimal(${formatDecimal(value as never)})`;
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
  return value;
}

function parsed(xml: string) {
  const r = parseUbl(xml);
  if (!r.success) throw new Error(`parse failed: ${r.issues.map((i) => `${i.code} ${i.path ?? ''} ${i.message}`).join('; ')}`);
  return r;
}

describe('round trip of the official examples', () => {
  it.each(examples)('%s: the model survives serialize + parse unchanged', (file) => {
    const first = parsed(read('examples', file)).data;
    const second = parsed(serializeUbl(first)).data;
    expect(plain(second)).toEqual(plain(first));
  });

  it.each(examples)('%s: the serialized XML has the same elements, values and attributes', (file) => {
    const source = read('examples', file);
    expect(diffXml(source, serializeUbl(parsed(source).data))).toEqual([]);
  });

  it.each(examples)('%s: the serialized XML is UBL 2.1 XSD-valid', async (file) => {
    const doc = parsed(read('examples', file)).data;
    const result = await validateAgainstUblXsd(serializeUbl(doc), doc.documentType);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });
});

describe('round trip of real-world documents', () => {
  const readable = realistic.filter((f) => parseUbl(read('realistic', f)).success);

  it('reads all of them but the one without a seller name (BT-27, mandatory in EN 16931)', () => {
    expect(realistic.filter((f) => !readable.includes(f))).toEqual(['rules__national-examples__GR__GR-base-example-TaxRepresentative.xml']);
  });

  it.each(readable)('%s: the model survives serialize + parse unchanged', (file) => {
    const first = parsed(read('realistic', file)).data;
    expect(plain(parsed(serializeUbl(first)).data)).toEqual(plain(first));
  });

  it.each(readable)('%s: everything the parser did not report as dropped or reordered comes back unchanged', async (file) => {
    const source = read('realistic', file);
    const r = parsed(source);
    const output = serializeUbl(r.data);
    const root = r.data.documentType;
    if (!(await validateAgainstUblXsd(source, root)).valid) {
      // Not XSD-valid (the two Greek documents: element order): the writer puts it right.
      expect((await validateAgainstUblXsd(output, root)).errors).toEqual([]);
      return;
    }
    const paths = (codes: readonly string[]) => r.issues.filter((i) => codes.includes(i.code) && i.path !== undefined).map((i) => i.path ?? '');
    // Values the parser said it normalised or did not keep are blanked on both sides.
    const blank = paths(['VALUE-NORMALIZED', 'DROPPED-VALUE']);
    const expected = applyReportedChanges(source, {
      drop: paths(['UNMAPPED-ELEMENT', 'UNMAPPED-ATTRIBUTE', 'EMPTY-ELEMENT']),
      moveFirst: paths(['ORDER-NORMALIZED']),
      blank,
    });
    expect(diffTrees(expected, blankedXml(output, blank))).toEqual([]);
  });
});
