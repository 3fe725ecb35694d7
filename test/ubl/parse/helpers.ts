/**
 * Test helpers for the parser's part readers: an XML fragment becomes a checked element
 * with a fresh reading context, and the official files are read from ../shared.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ReadContext } from '../../../src/ubl/parse/context.js';
import { lineLocator, rootElement, tokenize, type XmlElement } from '../../../src/ubl/parse/xml.js';

export const SHARED = path.resolve(process.cwd(), '../shared/peppol-sb');

const NS =
  'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" ' +
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" ' +
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"';

/**
 * Wraps `inner` in an `<Invoice>` root with the UBL namespaces and returns the root element
 * and a new context.
 */
export function fragment(inner: string): { ctx: ReadContext; root: XmlElement } {
  const xml = `<Invoice ${NS}>${inner}</Invoice>`;
  const t = tokenize(xml);
  if (!t.ok) throw new Error(t.problem.message);
  const root = rootElement(t.tree);
  root.used = true;
  return { ctx: new ReadContext(lineLocator(xml)), root };
}

/** Codes of the issues of a context, as `CODE@path`. */
export function issueKeys(ctx: ReadContext): string[] {
  return ctx.issues.map((i) => `${i.code}@${i.path ?? ''}`);
}

/** Reads a file of the shared reference data. */
export function sharedFile(...parts: string[]): Buffer {
  return fs.readFileSync(path.join(SHARED, ...parts));
}

/** The .xml files of a shared directory. */
export function sharedXmlFiles(dir: string): string[] {
  return fs.readdirSync(path.join(SHARED, dir)).filter((f) => f.endsWith('.xml')).sort();
}
