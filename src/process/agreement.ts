/**
 * The self-billing agreement, and the check of a document against it.
 *
 * Self-billing is lawful only under a prior agreement between customer and supplier
 * (VAT directive 2006/112/EC art. 224: "provided that there is a prior agreement between
 * the two parties and provided that each invoice is subject to a procedure for the
 * acceptance of the invoice by the taxable person supplying the goods or services").
 * The agreement says who may bill whom, for how long, which documents, in which number
 * series, how the supplier accepts, and what each document must quote.
 */
import { z } from 'zod';
import { issuesFromZod } from '../build/issues.js';
import { CURRENCY_CODES } from '../model/codes/index.js';
import { Decimal, DecimalSchema } from '../model/decimal.js';
import type { Document } from '../model/document.js';
import { EndpointSchema, type Endpoint } from '../model/party.js';
import { codeSchema, DateSchema, TextSchema } from '../model/primitives.js';
import type { DeepReadonly } from '../model/readonly.js';
import { processError, processWarning, type AgreementIssueCode, type ProcessIssue, type ProcessResult } from './issues.js';
import { formatInvoiceNumber, NumberSeriesSchema, sequenceNumberOf } from './numbering.js';
import { isDate } from './time.js';

function agreementPartySchema(role: string, [nameTerm, endpointTerm, vatTerm]: readonly [string, string, string]) {
  return z
    .object({
      name: TextSchema.describe(`${nameTerm} ${role} name`),
      endpoint: EndpointSchema.describe(`${endpointTerm} ${role} Peppol electronic address (endpoint id and EAS scheme)`),
      vatIdentifier: TextSchema.optional().describe(`${vatTerm} ${role} VAT identifier`),
    })
    .describe(`${role} of the agreement`);
}

/**
 * The references an agreement can require every document to quote.
 *
 * @example
 * REQUIRED_REFERENCE_KINDS.includes('order'); // true
 */
export const REQUIRED_REFERENCE_KINDS = ['contract', 'order', 'buyer-reference', 'delivery'] as const;
/** One of {@link REQUIRED_REFERENCE_KINDS}. */
export type RequiredReferenceKind = (typeof REQUIRED_REFERENCE_KINDS)[number];

/**
 * How the supplier accepts each self-billed document (art. 224 requires a procedure):
 * `explicit` (the supplier must say yes) or `tacit` (silence for `days` days after receipt
 * counts as acceptance).
 *
 * @example
 * AcceptanceSchema.parse({ mode: 'tacit', days: 14 });
 */
export const AcceptanceSchema = z
  .discriminatedUnion('mode', [
    z.object({ mode: z.literal('explicit') }),
    z.object({ mode: z.literal('tacit'), days: z.int().min(1).max(366).describe('Days after receipt after which an unanswered document counts as accepted') }),
  ])
  .describe('Acceptance procedure');
/** See {@link AcceptanceSchema}. */
export type Acceptance = DeepReadonly<z.output<typeof AcceptanceSchema>>;

/**
 * A self-billing agreement between a customer (who issues the documents, BG-7 buyer) and a
 * supplier (who receives them and stays liable for the VAT, BG-4 seller).
 *
 * @example
 * const agreement = SelfBillingAgreementSchema.parse({
 *   id: 'SBA-2024-17',
 *   customer: { name: 'Groothandel Noord BV', endpoint: { id: '12345678', schemeId: '0106' }, vatIdentifier: 'NL123456789B01' },
 *   supplier: { name: 'Kwekerij De Tuin', endpoint: { id: '7300010000001', schemeId: '0088' } },
 *   validFrom: '2024-01-01', validUntil: '2024-12-31',
 *   documentKinds: ['389', '261'],
 *   numbering: { prefix: 'GN-TUIN-', width: 4, next: 1 },
 *   acceptance: { mode: 'tacit', days: 14 },
 *   requiredReferences: ['contract', 'buyer-reference'],
 *   maximumAmount: { amount: '50000', currencyCode: 'EUR' },
 * });
 */
export const SelfBillingAgreementSchema = z
  .object({
    id: TextSchema.describe('Agreement identifier'),
    customer: agreementPartySchema('Customer (buyer, issuer)', ['BT-44', 'BT-49', 'BT-48']),
    supplier: agreementPartySchema('Supplier (seller, receiver)', ['BT-27', 'BT-34', 'BT-31']),
    validFrom: DateSchema.describe('BT-2 First issue date the agreement covers (YYYY-MM-DD)'),
    validUntil: DateSchema.optional().describe('BT-2 Last issue date the agreement covers (YYYY-MM-DD); open-ended when absent'),
    documentKinds: z
      .array(z.enum(['389', '527', '261']))
      .min(1)
      .describe('BT-3 Document kinds the customer may issue: 389 invoice, 527 debit note, 261 credit note'),
    numbering: NumberSeriesSchema.describe('BT-1 Numbering series of the documents'),
    acceptance: AcceptanceSchema,
    requiredReferences: z
      .array(z.enum(REQUIRED_REFERENCE_KINDS))
      .default([])
      .describe('References every document must quote: contract (BT-12), order (BT-13), buyer-reference (BT-10), delivery (BT-16 or BT-15)'),
    contractReference: TextSchema.optional().describe('BT-12 Contract reference the documents must quote (when "contract" is required)'),
    maximumAmount: z
      .object({
        amount: DecimalSchema.describe('BT-112 Highest invoice total with VAT the customer may bill in one document'),
        currencyCode: codeSchema(CURRENCY_CODES, 'ISO 4217').describe('BT-5 Currency of the maximum'),
      })
      .optional()
      .describe('BT-112 Maximum amount per document'),
  })
  .superRefine((a, ctx) => {
    if (a.validUntil !== undefined && a.validUntil < a.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: `the agreement ends (${a.validUntil}) before it starts (${a.validFrom})` });
    }
    if (a.maximumAmount !== undefined && !a.maximumAmount.amount.gt(0)) {
      ctx.addIssue({ code: 'custom', path: ['maximumAmount', 'amount'], message: 'the maximum amount must be positive' });
    }
  })
  .describe('Self-billing agreement');

/** See {@link SelfBillingAgreementSchema}. */
export type SelfBillingAgreement = DeepReadonly<z.output<typeof SelfBillingAgreementSchema>>;
/** What {@link SelfBillingAgreementSchema} accepts: amounts as strings, defaults optional. */
export type SelfBillingAgreementInput = z.input<typeof SelfBillingAgreementSchema>;
/** A party of the agreement. */
export type AgreementParty = SelfBillingAgreement['customer'];

/**
 * Reads and checks an agreement. Missing or malformed fields come back as
 * `AGREEMENT-INVALID` issues naming the field and its business term, never as an exception.
 *
 * @param input - the agreement as stored (amounts as strings)
 * @returns the agreement with defaults applied, or the issues
 * @example
 * const r = parseAgreement(JSON.parse(stored));
 * if (!r.success) for (const i of r.issues) console.log(i.path, i.message);
 */
export function parseAgreement(input: unknown): ProcessResult<SelfBillingAgreement, 'AGREEMENT-INVALID'> {
  const r = SelfBillingAgreementSchema.safeParse(input);
  if (r.success) return { success: true, data: r.data, issues: [] };
  return {
    success: false,
    issues: issuesFromZod(SelfBillingAgreementSchema, r.error).map((i) => ({ ...i, code: 'AGREEMENT-INVALID' as const, message: `Agreement: ${i.message}` })),
  };
}

/** Options of {@link checkAgainstAgreement}. */
export interface CheckAgreementOptions {
  /** The date of the check, `YYYY-MM-DD` (the function never reads the clock). */
  readonly today: string;
}

/** Peppol treats participant identifier values case-insensitively (Peppol Policy for use of Identifiers). */
function sameEndpoint(a: Endpoint, b: Endpoint): boolean {
  return a.schemeId === b.schemeId && a.id.trim().toLowerCase() === b.id.trim().toLowerCase();
}

/** VAT ids are written with and without spaces, dots and hyphens; compare the characters that count. */
function normalizeVat(v: string): string {
  return v.replace(/[\s.\-]/g, '').toUpperCase();
}

type PartyMatch = { readonly kind: 'match' } | { readonly kind: 'unidentified' } | { readonly kind: 'mismatch'; readonly term: 'endpoint' | 'vat'; readonly found: string };

function matchParty(party: { readonly endpoint?: Endpoint | undefined; readonly vatIdentifier?: string | undefined } | undefined, agreed: AgreementParty): PartyMatch {
  let compared = false;
  const endpoint = party?.endpoint;
  if (endpoint !== undefined && typeof endpoint === 'object') {
    if (!sameEndpoint(endpoint, agreed.endpoint)) return { kind: 'mismatch', term: 'endpoint', found: `${endpoint.schemeId}:${endpoint.id}` };
    compared = true;
  }
  const vat = party?.vatIdentifier;
  if (typeof vat === 'string' && agreed.vatIdentifier !== undefined) {
    if (normalizeVat(vat) !== normalizeVat(agreed.vatIdentifier)) return { kind: 'mismatch', term: 'vat', found: vat };
    compared = true;
  }
  return compared ? { kind: 'match' } : { kind: 'unidentified' };
}

function nonEmpty(text: string | undefined): boolean {
  return typeof text === 'string' && text.trim() !== '';
}

const REFERENCE_CHECKS: Readonly<Record<RequiredReferenceKind, { readonly term: string; readonly name: string; readonly present: (doc: Document) => boolean }>> = {
  contract: { term: 'BT-12', name: 'contract reference (BT-12)', present: (d) => nonEmpty(d.contractReference) },
  // Peppol writes "NA" as the order id when there is no purchase order (BT-13 is then absent in substance).
  order: { term: 'BT-13', name: 'purchase order reference (BT-13)', present: (d) => nonEmpty(d.orderReference?.id) && d.orderReference?.id.trim() !== 'NA' },
  'buyer-reference': { term: 'BT-10', name: 'buyer reference (BT-10)', present: (d) => nonEmpty(d.buyerReference) },
  delivery: { term: 'BT-16', name: 'delivery document (despatch advice BT-16 or receiving advice BT-15)', present: (d) => nonEmpty(d.despatchAdviceReference) || nonEmpty(d.receivingAdviceReference) },
};

/**
 * Checks a self-billed document against the agreement it is issued under: the issuer is the
 * agreement's customer and the seller its supplier (by Peppol endpoint and VAT id), the issue
 * date lies in the validity period and not after `today`, the document kind is allowed, the
 * number belongs to the agreed series, the required references are there, and the total
 * stays under the maximum.
 *
 * @param doc - the document (as built or as parsed)
 * @param agreement - the agreement (parsed, or as stored: it is validated here)
 * @param options - `today`, the date of the check
 * @returns the issues, each with a code (its id), a plain-language message and the
 *   business term; empty when the document conforms. `AGREEMENT-EXPIRED` is a warning.
 * @example
 * const issues = checkAgainstAgreement(invoice, agreement, { today: '2024-04-02' });
 * if (issues.some((i) => i.severity === 'error')) refuse(issues);
 */
export function checkAgainstAgreement(doc: Document, agreement: SelfBillingAgreementInput | SelfBillingAgreement, options: CheckAgreementOptions): readonly ProcessIssue<AgreementIssueCode>[] {
  const parsed = parseAgreement(agreement);
  if (!parsed.success) return parsed.issues;
  const a = parsed.data;
  const issues: ProcessIssue<AgreementIssueCode>[] = [];
  const today: unknown = options?.today;
  if (!isDate(today)) {
    issues.push(processError('INVALID-DATE', `options.today ("${String(today)}") is not a calendar date written YYYY-MM-DD.`, { path: 'today' }));
  }
  if (doc === null || typeof doc !== 'object') {
    issues.push(processError('AGREEMENT-INVALID', 'No document to check: pass the self-billed document as built or parsed.'));
    return issues;
  }

  // Art. 224: only the customer of the agreement may issue on the supplier's behalf.
  const customer = matchParty(doc.buyer, a.customer);
  if (customer.kind === 'mismatch') {
    const term = customer.term === 'endpoint' ? 'BT-49' : 'BT-48';
    issues.push(processError('AGREEMENT-CUSTOMER-MISMATCH', `The document is issued by ${customer.found} (${term}), but agreement ${a.id} lets only ${a.customer.name} (${customer.term === 'endpoint' ? `${a.customer.endpoint.schemeId}:${a.customer.endpoint.id}` : a.customer.vatIdentifier ?? ''}) bill on the supplier's behalf.`, { businessTerm: term, path: 'buyer' }));
  } else if (customer.kind === 'unidentified') {
    issues.push(processError('AGREEMENT-CUSTOMER-UNIDENTIFIED', `The document does not say who issued it: give the buyer's Peppol endpoint (BT-49) or VAT identifier (BT-48) so it can be matched to agreement ${a.id}.`, { businessTerm: 'BT-49', path: 'buyer.endpoint' }));
  }
  const supplier = matchParty(doc.seller, a.supplier);
  if (supplier.kind === 'mismatch') {
    const term = supplier.term === 'endpoint' ? 'BT-34' : 'BT-31';
    issues.push(processError('AGREEMENT-SUPPLIER-MISMATCH', `The document bills on behalf of ${supplier.found} (${term}), but agreement ${a.id} is with ${a.supplier.name} (${supplier.term === 'endpoint' ? `${a.supplier.endpoint.schemeId}:${a.supplier.endpoint.id}` : a.supplier.vatIdentifier ?? ''}): self-billing needs an agreement with each supplier.`, { businessTerm: term, path: 'seller' }));
  } else if (supplier.kind === 'unidentified') {
    issues.push(processError('AGREEMENT-SUPPLIER-UNIDENTIFIED', `The document does not say which supplier it bills for: give the seller's Peppol endpoint (BT-34) or VAT identifier (BT-31) so it can be matched to agreement ${a.id}.`, { businessTerm: 'BT-34', path: 'seller.endpoint' }));
  }

  const issueDate: unknown = doc.issueDate;
  if (!isDate(issueDate)) {
    issues.push(processError('INVALID-DATE', `The issue date (BT-2) "${String(issueDate)}" is not a calendar date written YYYY-MM-DD.`, { businessTerm: 'BT-2', path: 'issueDate' }));
  } else {
    if (issueDate < a.validFrom || (a.validUntil !== undefined && issueDate > a.validUntil)) {
      issues.push(processError('AGREEMENT-NOT-IN-FORCE', `The document is dated ${issueDate} (BT-2), outside agreement ${a.id} (${a.validFrom} to ${a.validUntil ?? 'open end'}): without an agreement in force the customer may not issue it.`, { businessTerm: 'BT-2', path: 'issueDate' }));
    }
    if (isDate(today) && issueDate > today) {
      issues.push(processError('ISSUE-DATE-IN-FUTURE', `The document is dated ${issueDate} (BT-2), after today (${today}): date it when it is issued.`, { businessTerm: 'BT-2', path: 'issueDate' }));
    }
  }
  if (isDate(today) && a.validUntil !== undefined && today > a.validUntil) {
    issues.push(processWarning('AGREEMENT-EXPIRED', `Agreement ${a.id} ended on ${a.validUntil}: renew it before issuing further documents.`, { path: 'validUntil' }));
  }

  const kind = String(doc.typeCode);
  if (!(a.documentKinds as readonly string[]).includes(kind)) {
    issues.push(processError('DOCUMENT-KIND-NOT-ALLOWED', `Document type ${kind} (BT-3) is not allowed by agreement ${a.id}, which allows ${a.documentKinds.join(', ')} (389 invoice, 527 debit note, 261 credit note).`, { businessTerm: 'BT-3', path: 'typeCode' }));
  }

  if (sequenceNumberOf(String(doc.invoiceNumber), a.numbering) === undefined) {
    issues.push(processError('NUMBER-NOT-IN-SERIES', `Number "${String(doc.invoiceNumber)}" (BT-1) is not in the agreed series (e.g. ${formatInvoiceNumber(a.numbering.next, a.numbering)}): number self-billed documents in the series agreed with this supplier.`, { businessTerm: 'BT-1', path: 'invoiceNumber' }));
  }

  for (const kindOfReference of a.requiredReferences) {
    const check = REFERENCE_CHECKS[kindOfReference];
    if (!check.present(doc)) {
      issues.push(processError('REFERENCE-MISSING', `Agreement ${a.id} requires the ${check.name} on every document, and this one has none.`, { businessTerm: check.term }));
    }
  }
  if (a.contractReference !== undefined && nonEmpty(doc.contractReference) && doc.contractReference?.trim() !== a.contractReference.trim()) {
    issues.push(processError('REFERENCE-MISMATCH', `The contract reference (BT-12) is "${doc.contractReference ?? ''}", but agreement ${a.id} names contract "${a.contractReference}".`, { businessTerm: 'BT-12', path: 'contractReference' }));
  }

  if (a.maximumAmount !== undefined) {
    const total: unknown = doc.totals?.totalWithVat;
    if (doc.currencyCode !== a.maximumAmount.currencyCode) {
      issues.push(processError('CURRENCY-MISMATCH', `The document is in ${String(doc.currencyCode)} (BT-5), the agreement's maximum in ${a.maximumAmount.currencyCode}: the maximum cannot be checked; bill in the agreed currency.`, { businessTerm: 'BT-5', path: 'currencyCode' }));
    } else if (Decimal.isDecimal(total) && total.abs().gt(a.maximumAmount.amount)) {
      // A negative invoice (correction) is measured by its size too.
      issues.push(processError('AMOUNT-ABOVE-MAXIMUM', `The total with VAT (BT-112) ${total.toFixed(2)} ${a.maximumAmount.currencyCode} is above the agreed maximum of ${a.maximumAmount.amount.toFixed(2)} per document.`, { businessTerm: 'BT-112', path: 'totals.totalWithVat' }));
    }
  }
  return issues;
}
