/**
 * Corrections of a self-billed invoice: the two forms Peppol receivers must accept (a credit
 * note, a negative invoice) and the full replacement (credit note plus amended invoice).
 */
import type { Decimal } from '../model/decimal.js';
import type { SelfBilledCreditNote, SelfBilledDebitNote, SelfBilledDocument, SelfBilledInvoice } from '../model/document.js';
import type { Issue, Result } from '../model/result.js';
import { createSelfBilledCreditNote, createSelfBilledInvoice } from './create.js';
import type { SelfBilledInput } from './input.js';

/**
 * Turns a (calculated) document back into builder input: computed parts (line net amounts,
 * breakdown amounts, totals) are left out, while exemption reasons (BT-120/BT-121), BT-111,
 * BT-113 and BT-114 are kept. Useful to amend a document and build it again.
 *
 * @param doc - a self-billed document
 * @returns the input that builds the same document
 * @example
 * const input = toSelfBilledInput(invoice);
 * createSelfBilledInvoice({ ...input, invoiceNumber: 'SB-2' });
 */
export function toSelfBilledInput(doc: SelfBilledDocument): SelfBilledInput {
  const { documentType: _d, typeCode: _t, vatBreakdown, totals, lines, ...fields } = doc;
  const vatExemptions = vatBreakdown
    .filter((e) => e.category.exemptionReasonCode !== undefined || e.category.exemptionReason !== undefined)
    .map((e) => ({
      category: e.category.code,
      ...(e.category.exemptionReasonCode === undefined ? {} : { reasonCode: e.category.exemptionReasonCode }),
      ...(e.category.exemptionReason === undefined ? {} : { reason: e.category.exemptionReason }),
    }));
  return {
    ...(fields as Omit<SelfBilledInput, 'lines'>),
    lines: lines.map(({ netAmount: _n, ...line }) => line) as SelfBilledInput['lines'],
    vatExemptions,
    ...(totals.paidAmount === undefined ? {} : { paidAmount: totals.paidAmount }),
    ...(totals.roundingAmount === undefined ? {} : { roundingAmount: totals.roundingAmount }),
    ...(totals.vatTotalInAccountingCurrency === undefined ? {} : { vatTotalInAccountingCurrency: totals.vatTotalInAccountingCurrency }),
  };
}

/** Options of {@link createCorrection}, one shape per mode. Pure: the issue date is an input. */
export type CorrectionOptions =
  | { readonly mode: 'credit-note'; readonly number: string; readonly issueDate: string }
  | { readonly mode: 'negative-invoice'; readonly number: string; readonly issueDate: string }
  | {
      readonly mode: 'replace';
      /** BT-1 of the credit note. */
      readonly creditNoteNumber: string;
      /** BT-1 of the new invoice. */
      readonly invoiceNumber: string;
      /** BT-2 of both documents. */
      readonly issueDate: string;
      /** Fields of the new invoice that differ from the original, merged over it (top level: `lines` replaces all lines). */
      readonly amendment: Partial<SelfBilledInput>;
    };

/** The pair a replacement produces. */
export interface Replacement {
  readonly creditNote: SelfBilledCreditNote;
  readonly invoice: SelfBilledInvoice | SelfBilledDebitNote;
}

const neg = (d: Decimal | undefined): Decimal | undefined => (d === undefined ? undefined : d.negated());

/** The reference to the original (BG-3): what the correction corrects. */
function reference(original: SelfBilledDocument) {
  return [{ id: original.invoiceNumber, issueDate: original.issueDate }];
}

/** Common to credit note and negative invoice: a new number and date, a reference, no payment state. */
function correctionBase(original: SelfBilledDocument, number: string, issueDate: string): SelfBilledInput {
  const { paidAmount: _p, dueDate: _due, ...input } = toSelfBilledInput(original);
  // BT-113 is the original's payment, not the correction's; BT-9 belongs to the original's terms.
  return { ...input, invoiceNumber: number, issueDate, precedingInvoices: reference(original) };
}

function negateInput(input: SelfBilledInput): SelfBilledInput {
  const lines = input.lines.map((line) => ({
    ...line,
    // BR-27 keeps prices positive: the sign goes on the quantity.
    quantity: neg(line.quantity as Decimal) as Decimal,
    allowanceCharges: (line.allowanceCharges ?? []).map((ac) => ({
      ...ac,
      ...(ac.amount === undefined ? {} : { amount: neg(ac.amount as Decimal) as Decimal }),
      ...(ac.baseAmount === undefined ? {} : { baseAmount: neg(ac.baseAmount as Decimal) as Decimal }),
    })),
  }));
  const allowanceCharges = (input.allowanceCharges ?? []).map((ac) => ({
    ...ac,
    ...(ac.amount === undefined ? {} : { amount: neg(ac.amount as Decimal) as Decimal }),
    ...(ac.baseAmount === undefined ? {} : { baseAmount: neg(ac.baseAmount as Decimal) as Decimal }),
  }));
  return {
    ...input,
    lines,
    allowanceCharges,
    ...(input.roundingAmount === undefined ? {} : { roundingAmount: neg(input.roundingAmount as Decimal) as Decimal }),
    ...(input.vatTotalInAccountingCurrency === undefined ? {} : { vatTotalInAccountingCurrency: neg(input.vatTotalInAccountingCurrency as Decimal) as Decimal }),
  };
}

function prefixed(issues: readonly Issue[], prefix: string): Issue[] {
  return issues.map((i) => ({ ...i, path: i.path === undefined ? prefix : `${prefix}.${i.path}` }));
}

/**
 * Corrects a self-billed invoice (389) or debit note (527):
 * - `credit-note`: a credit note (261) with the original's lines, allowances and charges,
 *   crediting it in full and naming it in BG-3 (BT-25, BT-26);
 * - `negative-invoice`: an invoice of the original's type with negated quantities (prices stay
 *   positive, BR-27), negated allowance/charge amounts and rounding, naming the original in BG-3;
 *   its totals are the exact negation of the original's, because rounding is symmetric;
 * - `replace`: the full credit note plus a new invoice built from the original with
 *   `amendment` merged over it.
 * Peppol receivers must accept both correction forms, so the choice is the issuer's
 * (docs/guides/corrections.md). The paid amount (BT-113) and due date (BT-9) of the original are
 * not carried into a correction.
 *
 * @param original - the document to correct
 * @param options - the mode, new number(s) and issue date (see {@link CorrectionOptions})
 * @returns the correction document(s), or issues
 * @example
 * const r = createCorrection(invoice, { mode: 'credit-note', number: 'SBC-2024-001', issueDate: '2024-04-15' });
 * if (r.success) r.data.precedingInvoices[0]?.id; // invoice.invoiceNumber
 */
export function createCorrection(original: SelfBilledDocument, options: Extract<CorrectionOptions, { mode: 'credit-note' }>): Result<SelfBilledCreditNote>;
export function createCorrection(original: SelfBilledDocument, options: Extract<CorrectionOptions, { mode: 'negative-invoice' }>): Result<SelfBilledInvoice | SelfBilledDebitNote>;
export function createCorrection(original: SelfBilledDocument, options: Extract<CorrectionOptions, { mode: 'replace' }>): Result<Replacement>;
export function createCorrection(original: SelfBilledDocument, options: CorrectionOptions): Result<SelfBilledDocument | Replacement>;
export function createCorrection(original: SelfBilledDocument, options: CorrectionOptions): Result<SelfBilledDocument | Replacement> {
  if (original.documentType !== 'Invoice') {
    return {
      success: false,
      issues: [{ code: 'CORRECTION-OF-CREDIT-NOTE', severity: 'error', path: 'typeCode', businessTerm: 'BT-3', message: 'Only a self-billed invoice (389) or debit note (527) can be corrected this way; to undo a credit note, issue a new invoice.' }],
    };
  }
  switch (options.mode) {
    case 'credit-note':
      return createSelfBilledCreditNote(correctionBase(original, options.number, options.issueDate));
    case 'negative-invoice':
      return createSelfBilledInvoice(negateInput(correctionBase(original, options.number, options.issueDate)), { typeCode: original.typeCode });
    case 'replace': {
      const creditNote = createSelfBilledCreditNote(correctionBase(original, options.creditNoteNumber, options.issueDate));
      const { paidAmount: _p, ...originalInput } = toSelfBilledInput(original);
      const invoice = createSelfBilledInvoice(
        { ...originalInput, ...options.amendment, invoiceNumber: options.invoiceNumber, issueDate: options.issueDate },
        { typeCode: original.typeCode },
      );
      const issues = [...prefixed(creditNote.issues, 'creditNote'), ...prefixed(invoice.issues, 'invoice')];
      if (!creditNote.success || !invoice.success) return { success: false, issues };
      return { success: true, data: { creditNote: creditNote.data, invoice: invoice.data }, issues };
    }
  }
}
