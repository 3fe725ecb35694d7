/**
 * `parseUbl`: UBL 2.1 Invoice / CreditNote XML -> the self-billing model, as a Result.
 */
import type { Document } from '../../model/document.js';
import type { Issue, Result } from '../../model/result.js';
import { decodeXmlInput, unwrapSbdh, XmlInputError } from '../input.js';
import { ReadContext } from './context.js';
import { checkRoot, readDocument } from './document.js';
import { lineLocator, rootElement, tokenize } from './xml.js';

/**
 * Reads a UBL 2.1 Invoice or CreditNote (Peppol BIS Self-Billing 3.0, and regular Peppol
 * billing documents, which are flagged NOT-SELF-BILLING) into the model.
 *
 * Never throws: malformed XML, DOCTYPE declarations, a wrong root, invalid values and
 * missing mandatory terms are errors (`success: false`); unknown codes, foreign currencies
 * and elements the model does not hold are warnings on a successful result. Input may be
 * bytes in any encoding the XML declaration or BOM names, and may be wrapped in an SBDH
 * envelope.
 *
 * @param xml - the document as text or bytes
 * @returns the document and warnings, or the errors
 * @example
 * const result = parseUbl(fs.readFileSync('invoice.xml'));
 * if (result.success) console.log(result.data.totals.amountDue.toFixed(2));
 * else for (const issue of result.issues) console.error(issue.path, issue.message);
 */
export function parseUbl(xml: string | Uint8Array): Result<Document> {
  try {
    return parseOrFail(xml);
  } catch (e) {
    // Unreachable by design; kept so that a bug never turns into an exception for the caller.
    return fail({
      code: 'INTERNAL-ERROR',
      severity: 'error',
      message: `The parser failed unexpectedly (${e instanceof Error ? e.message : String(e)}). Please report this with the document.`,
    });
  }
}

function fail(...issues: Issue[]): Result<Document> {
  return { success: false, issues };
}

function parseOrFail(input: string | Uint8Array): Result<Document> {
  if (input.length === 0) return emptyInput();
  let text: string;
  try {
    text = decodeXmlInput(input);
  } catch (e) {
    if (e instanceof XmlInputError) {
      return fail({ code: e.code, severity: 'error', message: `${e.message} Send UTF-8 (or declare the real encoding in the XML declaration).` });
    }
    throw e;
  }
  if (text.trim() === '') return emptyInput();
  const { xml } = unwrapSbdh(text);
  const tokens = tokenize(xml);
  const locate = offsetLocator(text, xml);
  if (!tokens.ok) {
    const p = tokens.problem;
    // The offset maps into the caller's text (SBDH envelope included); the tokenizer's own
    // line and column count from the unwrapped payload.
    const pos = p.offset !== undefined ? locate(p.offset) : undefined;
    const line = pos?.line ?? p.line;
    const column = pos?.column ?? p.column;
    return fail({
      code: p.code,
      severity: 'error',
      message: p.message,
      ...(line !== undefined && { line }),
      ...(column !== undefined && { column }),
    });
  }
  const root = rootElement(tokens.tree);
  const ctx = new ReadContext(locate);
  const kind = checkRoot(ctx, root);
  if (kind === undefined) return fail(...ctx.issues);
  root.used = true;
  const data = readDocument(ctx, root, kind);
  ctx.reportUnmapped(root);
  if (ctx.failed) return fail(...ctx.issues);
  return { success: true, data, issues: ctx.issues };
}

function emptyInput(): Result<Document> {
  return fail({
    code: 'EMPTY-INPUT',
    severity: 'error',
    message: 'The input is empty: pass the UBL XML text or its bytes.',
  });
}

/**
 * Line/column in the caller's text for an offset in the parsed text. They are the same text
 * unless an SBDH envelope was removed; the payload after its root start tag is then an exact
 * substring of the input, so offsets shift by a constant (the root start tag itself got the
 * envelope's namespace declarations, so columns on that one tag are approximate).
 */
function offsetLocator(original: string, parsed: string): (offset: number) => { line: number; column: number } {
  const locate = lineLocator(original);
  if (original === parsed) return locate;
  const tagEnd = parsed.indexOf('>') + 1;
  const probe = parsed.slice(tagEnd, tagEnd + 200);
  const at = probe === '' ? -1 : original.indexOf(probe);
  if (at < 0) return lineLocator(parsed);
  const shift = at - tagEnd;
  return (offset) => locate(Math.max(0, offset + shift));
}
