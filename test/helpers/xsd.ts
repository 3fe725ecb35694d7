/**
 * XSD validation of UBL 2.1 documents for tests, with the official OASIS schemas from
 * ../shared/ubl-2.1-xsd run by xmllint compiled to WebAssembly (no native tool needed).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateXML, type XMLFileInfo } from 'xmllint-wasm';

const XSD_ROOT = path.resolve(process.cwd(), '../shared/ubl-2.1-xsd');

let schemaFiles: { readonly maindoc: ReadonlyMap<string, XMLFileInfo>; readonly common: readonly XMLFileInfo[] } | undefined;

/**
 * Reads the schema files once. Their file names keep the `maindoc/` and `common/` folders
 * because UBL-Invoice-2.1.xsd imports `../common/...`: xmllint resolves that against the
 * main schema's own name in its in-memory file system.
 */
function loadSchemas() {
  if (schemaFiles) return schemaFiles;
  const read = (dir: string): XMLFileInfo[] =>
    readdirSync(path.join(XSD_ROOT, dir))
      .filter((f) => f.endsWith('.xsd'))
      .map((f) => ({ fileName: `${dir}/${f}`, contents: readFileSync(path.join(XSD_ROOT, dir, f), 'utf8') }));
  const maindoc = new Map(read('maindoc').map((f) => [f.fileName, f] as const));
  schemaFiles = { maindoc, common: read('common') };
  return schemaFiles;
}

/**
 * Validates a UBL document against the UBL 2.1 Invoice or CreditNote schema.
 *
 * @param xml - the document text (UTF-8)
 * @param root - which main schema to use
 * @returns `valid` and xmllint's error messages (empty when valid)
 * @example
 * const { valid, errors } = await validateAgainstUblXsd(serializeUbl(doc), 'Invoice');
 * expect(errors).toEqual([]);
 */
export async function validateAgainstUblXsd(
  xml: string,
  root: 'Invoice' | 'CreditNote',
): Promise<{ valid: boolean; errors: string[] }> {
  const { maindoc, common } = loadSchemas();
  const schema = maindoc.get(`maindoc/UBL-${root}-2.1.xsd`);
  if (!schema) throw new Error(`UBL-${root}-2.1.xsd not found under ${XSD_ROOT}/maindoc`);
  const result = await validateXML({
    xml: { fileName: 'document.xml', contents: xml },
    schema,
    preload: common,
    // Large documents (1000 lines) need more than the default 16 MiB.
    initialMemoryPages: 1024,
    maxMemoryPages: 8192,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}
