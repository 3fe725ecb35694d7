/**
 * The whole self-billing process, end to end, as docs/guides/self-billing-process.md tells it:
 * Groothandel Noord BV (the customer) bills itself on behalf of Kwekerij De Tuin (the
 * supplier) under a self-billing agreement.
 *   Act 1: invoice GN-TUIN-0001 is built, checked, validated, routed and sent; the supplier
 *          disputes it (nothing was delivered); the customer credits it in full.
 *   Act 2: invoice GN-TUIN-0003 is disputed (wrong quantity); the customer replaces it
 *          (credit note GN-TUIN-0004 + invoice GN-TUIN-0005); the supplier accepts the credit
 *          note, and the replacement is accepted tacitly after 14 days of silence.
 * At the end the audit trail verifies, the relations are found and the numbering is unbroken.
 */
import { describe, expect, it } from 'vitest';
import { createCorrection } from '../../src/build/correction.js';
import { createSelfBilledInvoice } from '../../src/build/create.js';
import type { SelfBilledDocument } from '../../src/model/document.js';
import {
  acceptanceDue,
  appendAuditEntry,
  checkAgainstAgreement,
  checkNumbering,
  documentStatus,
  hashDocument,
  nextInvoiceNumber,
  parseAgreement,
  peppolRouting,
  relatedDocuments,
  verifyAuditTrail,
  type AuditEntry,
  type AuditEventInput,
  type SelfBillingAgreement,
} from '../../src/process/index.js';
import { serializeUbl } from '../../src/ubl/serialize/index.js';
import { validateDocument } from '../../src/validate/validate.js';
import { agreementInput, invoiceInput } from './support.js';

const customer = { role: 'customer', id: 'erp@groothandel-noord' } as const;
const supplier = { role: 'supplier', id: 'portal@kwekerij-de-tuin' } as const;
const accessPoint = { role: 'access-point', id: 'ap.example.nl' } as const;

function ok<T>(r: { readonly success: true; readonly data: T } | { readonly success: false; readonly issues: readonly unknown[] }): T {
  if (!r.success) throw new Error(JSON.stringify(r.issues, null, 2));
  return r.data;
}

/** What the customer's ERP keeps: the agreement (with its counter), the documents sent, the trail. */
interface Books {
  agreement: SelfBillingAgreement;
  trail: readonly AuditEntry[];
  readonly xml: Map<string, string>;
  readonly numbers: string[];
}

function takeNumber(books: Books): string {
  const { number, series } = ok(nextInvoiceNumber(books.agreement.numbering));
  books.agreement = { ...books.agreement, numbering: series };
  books.numbers.push(number);
  return number;
}

function record(books: Books, event: AuditEventInput): void {
  books.trail = ok(appendAuditEntry(books.trail, event));
}

/** Checks a document against the agreement, validates its XML, routes it, records its creation. */
async function issue(books: Books, doc: SelfBilledDocument, at: string, relation?: AuditEventInput['relation']): Promise<string> {
  expect(checkAgainstAgreement(doc, books.agreement, { today: doc.issueDate })).toEqual([]);
  const xml = serializeUbl(doc);
  const report = await validateDocument(xml);
  expect(report.issues.filter((i) => i.severity === 'fatal')).toEqual([]);
  expect(report.valid).toBe(true);
  const route = ok(peppolRouting(doc));
  expect([route.sender.participantId, route.receiver.participantId]).toEqual(['iso6523-actorid-upis::0106:12345678', 'iso6523-actorid-upis::0088:7300010000001']);
  books.xml.set(doc.invoiceNumber, xml);
  record(books, { at, actor: customer, action: 'create', documentId: doc.invoiceNumber, documentKind: doc.typeCode, xml, ...(relation === undefined ? {} : { relation }) });
  return xml;
}

describe('the self-billing process', () => {
  it('plays agreement, invoice, dispute, credit note, replacement and acceptance, and proves it afterwards', async () => {
    const books: Books = { agreement: ok(parseAgreement(agreementInput())), trail: [], xml: new Map(), numbers: [] };

    // Act 1: the April invoice is disputed and credited in full.
    const april = ok(createSelfBilledInvoice({ ...invoiceInput(takeNumber(books)), issueDate: '2024-04-01' }));
    expect(april.invoiceNumber).toBe('GN-TUIN-0001');
    await issue(books, april, '2024-04-01T09:00:00+02:00');
    record(books, { at: '2024-04-01T09:01:00+02:00', actor: customer, action: 'send', documentId: 'GN-TUIN-0001' });
    record(books, { at: '2024-04-01T09:02:00+02:00', actor: accessPoint, action: 'receive', documentId: 'GN-TUIN-0001' });
    record(books, { at: '2024-04-03T14:00:00+02:00', actor: supplier, action: 'dispute', documentId: 'GN-TUIN-0001', note: 'Nothing was delivered in April: the order was cancelled.' });
    // A dispute stops the tacit-acceptance clock.
    expect(ok(acceptanceDue(ok(documentStatus(books.trail, 'GN-TUIN-0001')), books.agreement, '2024-05-01T00:00:00Z'))).toEqual({ status: 'not-applicable', reason: 'disputed' });

    const aprilCredit = ok(createCorrection(april, { mode: 'credit-note', number: takeNumber(books), issueDate: '2024-04-04' }));
    expect(aprilCredit.precedingInvoices).toEqual([{ id: 'GN-TUIN-0001', issueDate: '2024-04-01' }]);
    await issue(books, aprilCredit, '2024-04-04T10:00:00+02:00', { kind: 'credits', documentId: 'GN-TUIN-0001' });
    record(books, { at: '2024-04-04T10:00:01+02:00', actor: customer, action: 'credit', documentId: 'GN-TUIN-0001' });
    record(books, { at: '2024-04-04T10:01:00+02:00', actor: customer, action: 'send', documentId: aprilCredit.invoiceNumber });
    record(books, { at: '2024-04-04T10:02:00+02:00', actor: accessPoint, action: 'receive', documentId: aprilCredit.invoiceNumber });
    record(books, { at: '2024-04-05T08:30:00+02:00', actor: supplier, action: 'accept', documentId: aprilCredit.invoiceNumber });

    // Act 2: the May invoice bills 120 bunches where 110 were delivered; it is replaced.
    const may = ok(createSelfBilledInvoice({ ...invoiceInput(takeNumber(books)), issueDate: '2024-05-01' }));
    await issue(books, may, '2024-05-01T09:00:00+02:00');
    record(books, { at: '2024-05-01T09:01:00+02:00', actor: customer, action: 'send', documentId: may.invoiceNumber });
    record(books, { at: '2024-05-01T09:02:00+02:00', actor: accessPoint, action: 'receive', documentId: may.invoiceNumber });
    record(books, { at: '2024-05-02T11:00:00+02:00', actor: supplier, action: 'dispute', documentId: may.invoiceNumber, note: '110 bunches delivered, not 120.' });

    const [firstLine, ...otherLines] = invoiceInput().lines;
    const replacement = ok(
      createCorrection(may, {
        mode: 'replace',
        creditNoteNumber: takeNumber(books),
        invoiceNumber: takeNumber(books),
        issueDate: '2024-05-06',
        amendment: { lines: [{ ...firstLine!, quantity: '110' }, ...otherLines] },
      }),
    );
    expect(replacement.invoice.totals.lineNetTotal.toFixed(2)).toBe('560.50');
    await issue(books, replacement.creditNote, '2024-05-06T09:00:00+02:00', { kind: 'credits', documentId: may.invoiceNumber });
    record(books, { at: '2024-05-06T09:00:01+02:00', actor: customer, action: 'credit', documentId: may.invoiceNumber });
    await issue(books, replacement.invoice, '2024-05-06T09:00:02+02:00', { kind: 'replaces', documentId: may.invoiceNumber });
    for (const id of ['GN-TUIN-0004', 'GN-TUIN-0005']) record(books, { at: '2024-05-06T09:01:00+02:00', actor: customer, action: 'send', documentId: id });
    for (const id of ['GN-TUIN-0004', 'GN-TUIN-0005']) record(books, { at: '2024-05-06T09:02:00+02:00', actor: accessPoint, action: 'receive', documentId: id });
    record(books, { at: '2024-05-07T08:00:00+02:00', actor: supplier, action: 'accept', documentId: replacement.creditNote.invoiceNumber });

    // The supplier stays silent on the replacement: 14 days after receipt it counts as accepted.
    const status = ok(documentStatus(books.trail, 'GN-TUIN-0005'));
    expect(ok(acceptanceDue(status, books.agreement, '2024-05-20T00:00:00+02:00'))).toEqual({ status: 'pending', dueAt: '2024-05-20T07:02:00.000Z' });
    expect(ok(acceptanceDue(status, books.agreement, '2024-05-20T09:02:00+02:00'))).toEqual({ status: 'due', dueAt: '2024-05-20T07:02:00.000Z' });
    record(books, { at: '2024-05-20T09:02:00+02:00', actor: { role: 'system', id: 'erp@groothandel-noord' }, action: 'accept-tacitly', documentId: 'GN-TUIN-0005', note: 'No answer within the 14 days of agreement SBA-2024-17.' });

    // Afterwards: the proof.
    const head = books.trail.at(-1)!.hash;
    expect(verifyAuditTrail(books.trail, { expectedHead: head })).toEqual({ valid: true, length: books.trail.length, head });
    expect(books.trail).toHaveLength(22);
    expect(relatedDocuments(books.trail, 'GN-TUIN-0001')).toEqual([{ relation: 'credited-by', documentId: 'GN-TUIN-0002', documentKind: '261' }]);
    expect(relatedDocuments(books.trail, 'GN-TUIN-0003')).toEqual([
      { relation: 'credited-by', documentId: 'GN-TUIN-0004', documentKind: '261' },
      { relation: 'replaced-by', documentId: 'GN-TUIN-0005', documentKind: '389' },
    ]);
    expect(relatedDocuments(books.trail, 'GN-TUIN-0005')).toEqual([{ relation: 'replaces', documentId: 'GN-TUIN-0003', documentKind: '389' }]);
    expect(books.numbers.map((n) => ok(documentStatus(books.trail, n)).state)).toEqual(['credited', 'accepted', 'credited', 'accepted', 'accepted']);
    for (const n of books.numbers) expect(ok(documentStatus(books.trail, n)).documentHash).toBe(hashDocument(books.xml.get(n)!));
    expect(books.numbers).toEqual(['GN-TUIN-0001', 'GN-TUIN-0002', 'GN-TUIN-0003', 'GN-TUIN-0004', 'GN-TUIN-0005']);
    expect(checkNumbering(books.numbers, books.agreement.numbering)).toEqual([]);

    // And the proof holds: one changed character in the trail is found.
    const tampered = books.trail.map((e, i) => (i === 3 ? { ...e, note: 'Nothing was delivered in April.' } : e));
    expect(verifyAuditTrail(tampered)).toMatchObject({ valid: false, index: 3, code: 'ENTRY-HASH-MISMATCH' });
  }, 600_000);
});
