/**
 * The orchestrator: reads the root's parts in UBL 2.1 XSD order and assembles the model
 * document. Mirrors serialize/document.ts.
 */
import {
  CREDIT_NOTE_TYPE_CODES,
  CURRENCY_CODES,
  INVOICE_TYPE_CODES,
  SELF_BILLED_CREDIT_NOTE_TYPE_CODES,
  SELF_BILLED_INVOICE_TYPE_CODES,
} from '../../model/codes/index.js';
import { SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID, type Document } from '../../model/document.js';
import { readDocumentAllowanceCharge } from './allowance-charge.js';
import type { ReadContext } from './context.js';
import { readDelivery } from './delivery.js';
import { readLine } from './line.js';
import { readBuyer, readPayee, readSeller, readTaxRepresentative } from './party.js';
import { readPaymentMeans, readPaymentTerms } from './payment.js';
import {
  readAdditionalReferences,
  readInvoicePeriod,
  readOrderReference,
  readPrecedingInvoices,
  readSimpleReference,
} from './references.js';
import { readAccountingCurrency, readTaxTotals } from './tax.js';
import { readTotals } from './totals.js';
import { defined } from './util.js';
import { UBL_NAMESPACES, type XmlElement } from './xml.js';

/** The two UBL roots the model reads. */
export type RootKind = 'Invoice' | 'CreditNote';

/**
 * Checks the document element: `Invoice` in the UBL Invoice-2 namespace or `CreditNote` in
 * CreditNote-2. Reports XML-ROOT or XML-NAMESPACE (errors) otherwise.
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the kind, or undefined when the root is not a UBL Invoice/CreditNote
 * @example
 * checkRoot(ctx, root); // 'Invoice'
 */
export function checkRoot(ctx: ReadContext, root: XmlElement): RootKind | undefined {
  const local = root.localName;
  if (local !== 'Invoice' && local !== 'CreditNote') {
    ctx.report(
      'error',
      'XML-ROOT',
      `The root element is ${root.qualifiedName}, not a UBL Invoice or CreditNote. Peppol self-billing documents are UBL 2.1 Invoice (type code 389 or 527) or CreditNote (261); send one of those (an SBDH StandardBusinessDocument envelope around it is unwrapped).`,
      root,
      { path: `/${root.qualifiedName}` },
    );
    return undefined;
  }
  const expected = local === 'Invoice' ? UBL_NAMESPACES.invoice : UBL_NAMESPACES.creditNote;
  if (root.namespace !== expected) {
    const actual =
      root.undeclaredPrefix !== undefined
        ? `its prefix "${root.undeclaredPrefix}" is not declared`
        : root.namespace === undefined
          ? 'it has no namespace'
          : `its namespace is "${root.namespace}"`;
    ctx.report(
      'error',
      'XML-NAMESPACE',
      `The root element ${local} is not in the UBL namespace: ${actual}. Declare it as <${local} xmlns="${expected}"> (any prefix bound to that URI works).`,
      root,
      { path: `/${root.qualifiedName}` },
    );
    return undefined;
  }
  return local;
}

/**
 * Reads a whole document from its checked root element.
 *
 * @param ctx - reading context (collects the issues)
 * @param root - the document element
 * @param kind - result of {@link checkRoot}
 * @returns the document (meaningful only when ctx has no errors)
 * @example
 * const kind = checkRoot(ctx, root);
 * if (kind) { const doc = readDocument(ctx, root, kind); }
 */
export function readDocument(ctx: ReadContext, root: XmlElement, kind: RootKind): Document {
  const isCreditNote = kind === 'CreditNote';
  const customizationId = ctx.requiredText(root, 'cbc:CustomizationID', 'BT-24 Specification identifier');
  const profileId = ctx.requiredText(root, 'cbc:ProfileID', 'BT-23 Business process type');
  const invoiceNumber = ctx.requiredText(root, 'cbc:ID', 'BT-1 Invoice number');
  const issueDate = ctx.date(root, 'cbc:IssueDate', 'BT-2 Invoice issue date', { required: true }) ?? '';
  const invoiceDueDate = isCreditNote ? undefined : ctx.date(root, 'cbc:DueDate', 'BT-9 Payment due date');
  const typeCode = readTypeCode(ctx, root, kind);
  const notes = ctx.all(root, 'cbc:Note').map((n) => n.text());
  const taxPointDate = ctx.date(root, 'cbc:TaxPointDate', 'BT-7 Value added tax point date');
  // BT-5 first: every amount read afterwards is checked against it (PEPPOL-EN16931-R051).
  const currencyCode =
    ctx.code(root, 'cbc:DocumentCurrencyCode', CURRENCY_CODES, 'ISO 4217', 'BT-5 Invoice currency code', { required: true }) ?? '';
  ctx.documentCurrency = currencyCode === '' ? undefined : currencyCode;
  const vatAccountingCurrencyCode = readAccountingCurrency(ctx, root);
  const buyerAccountingReference = ctx.text(root, 'cbc:AccountingCost', 'BT-19 Buyer accounting reference');
  const buyerReference = ctx.text(root, 'cbc:BuyerReference', 'BT-10 Buyer reference');
  const invoicePeriod = readInvoicePeriod(ctx, root);
  const orderReference = readOrderReference(ctx, root);
  const precedingInvoices = readPrecedingInvoices(ctx, root);
  const despatchAdviceReference = readSimpleReference(ctx, root, 'cac:DespatchDocumentReference', 'BT-16 Despatch advice reference');
  const receivingAdviceReference = readSimpleReference(ctx, root, 'cac:ReceiptDocumentReference', 'BT-15 Receiving advice reference');
  const tenderOrLotReference = readSimpleReference(ctx, root, 'cac:OriginatorDocumentReference', 'BT-17 Tender or lot reference');
  const contractReference = readSimpleReference(ctx, root, 'cac:ContractDocumentReference', 'BT-12 Contract reference');
  const additional = readAdditionalReferences(ctx, root, isCreditNote);
  const projectReference = isCreditNote
    ? additional.projectReference
    : readSimpleReference(ctx, root, 'cac:ProjectReference', 'BT-11 Project reference');
  const seller = readSeller(ctx, root);
  const buyer = readBuyer(ctx, root);
  const payee = readPayee(ctx, root);
  const taxRepresentative = readTaxRepresentative(ctx, root);
  const delivery = readDelivery(ctx, root);
  const payment = readPaymentMeans(ctx, root, isCreditNote);
  const paymentTerms = readPaymentTerms(ctx, root);
  const allowanceCharges = ctx.all(root, 'cac:AllowanceCharge').map((el) => readDocumentAllowanceCharge(ctx, el));
  const tax = readTaxTotals(ctx, root, vatAccountingCurrencyCode);
  const totals = readTotals(ctx, root, tax);
  const lineKey = isCreditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
  const lineElements = ctx.all(root, lineKey);
  if (lineElements.length === 0) ctx.missing(root, lineKey, 'BG-25 Invoice line (at least one)');
  const lines = lineElements.map((el) => readLine(ctx, el, isCreditNote));

  checkSelfBilling(ctx, root, kind, customizationId, profileId, typeCode);

  const fields = defined({
    customizationId,
    profileId,
    invoiceNumber,
    issueDate,
    dueDate: isCreditNote ? payment.dueDate : invoiceDueDate,
    notes,
    taxPointDate,
    currencyCode,
    vatAccountingCurrencyCode,
    buyerAccountingReference,
    buyerReference,
    invoicePeriod,
    orderReference,
    precedingInvoices,
    despatchAdviceReference,
    receivingAdviceReference,
    tenderOrLotReference,
    contractReference,
    invoicedObject: additional.invoicedObject,
    supportingDocuments: additional.supportingDocuments,
    projectReference,
    seller,
    buyer,
    payee,
    taxRepresentative,
    delivery,
    paymentInstructions: payment.instructions,
    paymentTerms,
    allowanceCharges,
    vatBreakdown: tax.breakdown,
    totals,
    lines,
  });
  return { documentType: kind, typeCode, ...fields };
}

/** BT-3, checked against the root's UNCL 1001 subset (self-billing codes included). */
function readTypeCode(ctx: ReadContext, root: XmlElement, kind: RootKind): string {
  const key = kind === 'Invoice' ? 'cbc:InvoiceTypeCode' : 'cbc:CreditNoteTypeCode';
  const el = ctx.one(root, key);
  const code = el?.text() ?? '';
  if (code === '') {
    ctx.missing(root, key, 'BT-3 Invoice type code');
    return '';
  }
  const known =
    kind === 'Invoice'
      ? INVOICE_TYPE_CODES.has(code) || SELF_BILLED_INVOICE_TYPE_CODES.has(code)
      : CREDIT_NOTE_TYPE_CODES.has(code) || SELF_BILLED_CREDIT_NOTE_TYPE_CODES.has(code);
  if (!known) {
    ctx.checkCode(code, new Map(), `UNCL 1001 ${kind === 'Invoice' ? 'invoice' : 'credit note'} subset`, 'BT-3 Invoice type code', el);
  }
  ctx.attr(el, 'listID');
  return code;
}

/**
 * A regular billing document parses too (the model is the same EN 16931 shape), but the
 * caller must know it is not self-billed: in self-billing the buyer issues the invoice,
 * which changes who is liable for what was written.
 */
function checkSelfBilling(
  ctx: ReadContext,
  root: XmlElement,
  kind: RootKind,
  customizationId: string,
  profileId: string,
  typeCode: string,
): void {
  const selfBilledCodes = kind === 'Invoice' ? SELF_BILLED_INVOICE_TYPE_CODES : SELF_BILLED_CREDIT_NOTE_TYPE_CODES;
  const reasons: string[] = [];
  if (customizationId !== '' && customizationId !== SELF_BILLING_CUSTOMIZATION_ID) reasons.push(`CustomizationID (BT-24) is "${customizationId}"`);
  if (profileId !== '' && profileId !== SELF_BILLING_PROFILE_ID) reasons.push(`ProfileID (BT-23) is "${profileId}"`);
  if (typeCode !== '' && !selfBilledCodes.has(typeCode)) reasons.push(`type code (BT-3) is ${typeCode}`);
  if (reasons.length === 0) return;
  const codes = kind === 'Invoice' ? '389 (self-billed invoice) or 527 (self-billed debit note)' : '261 (self-billed credit note)';
  ctx.report(
    'warning',
    'NOT-SELF-BILLING',
    `This is not a Peppol self-billing document: ${reasons.join('; ')}. It was read anyway. A self-billed ${kind} has ` +
      `CustomizationID "${SELF_BILLING_CUSTOMIZATION_ID}", ProfileID "${SELF_BILLING_PROFILE_ID}" and type code ${codes}; ` +
      'only then may the buyer issue it on behalf of the seller.',
    root,
  );
}
