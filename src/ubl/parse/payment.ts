/**
 * `cac:PaymentMeans` <-> BG-16 payment instructions (BG-17 credit transfer, BG-18 card,
 * BG-19 direct debit), and `cac:PaymentTerms` <-> BT-20.
 */
import { PAYMENT_MEANS_CODES } from '../../model/codes/index.js';
import type { PaymentInstruction } from '../../model/payment.js';
import type { ReadContext } from './context.js';
import { defined } from './util.js';
import type { XmlElement } from './xml.js';

/** Payment instructions plus the credit note's due date, which UBL puts inside PaymentMeans. */
export interface PaymentMeansResult {
  readonly instructions: PaymentInstruction[];
  /** BT-9 of a credit note: `cac:PaymentMeans/cbc:PaymentDueDate`. */
  readonly dueDate?: string | undefined;
}

/**
 * Reads every `cac:PaymentMeans`. In a credit note, BT-9 sits in PaymentMeans as
 * `cbc:PaymentDueDate`: the first one found is kept; differing later ones get a warning.
 *
 * @param ctx - reading context
 * @param root - the document element
 * @param isCreditNote - whether PaymentDueDate is BT-9 here
 * @returns the instructions and, for a credit note, the due date
 * @example
 * const { instructions } = readPaymentMeans(ctx, root, false);
 */
export function readPaymentMeans(ctx: ReadContext, root: XmlElement, isCreditNote: boolean): PaymentMeansResult {
  const instructions: PaymentInstruction[] = [];
  let dueDate: string | undefined;
  for (const pm of ctx.all(root, 'cac:PaymentMeans')) {
    const codeEl = ctx.one(pm, 'cbc:PaymentMeansCode');
    const typeCode = ctx.code(pm, 'cbc:PaymentMeansCode', PAYMENT_MEANS_CODES, 'UNCL 4461', 'BT-81 Payment means type code', { required: true }) ?? '';
    if (isCreditNote) {
      const dueEl = pm.children().find((c) => c.key === 'cbc:PaymentDueDate');
      if (dueEl !== undefined) {
        const date = ctx.date(pm, 'cbc:PaymentDueDate', 'BT-9 Payment due date');
        if (dueDate === undefined) dueDate = date;
        else if (date !== undefined && date !== dueDate) {
          ctx.report(
            'warning',
            'CONFLICTING-VALUE',
            `Payment due date (BT-9) "${date}" differs from "${dueDate}" given in an earlier cac:PaymentMeans; the model holds one due date and keeps the first. Write the same date in every PaymentMeans.`,
            dueEl,
            { businessTerm: 'BT-9' },
          );
        }
      }
    }
    const card = ctx.one(pm, 'cac:CardAccount');
    const account = ctx.one(pm, 'cac:PayeeFinancialAccount');
    const mandate = ctx.one(pm, 'cac:PaymentMandate');
    const directDebit = mandate === undefined
      ? undefined
      : defined({
          mandateReference: ctx.text(mandate, 'cbc:ID', 'BT-89 Mandate reference identifier'),
          debitedAccountId: ctx.textAt(mandate, ['cac:PayerFinancialAccount', 'cbc:ID'], 'BT-91 Debited account identifier'),
        });
    instructions.push(
      defined({
        typeCode,
        typeText: ctx.attr(codeEl, 'name'),
        remittanceInformation: ctx.text(pm, 'cbc:PaymentID', 'BT-83 Remittance information'),
        card:
          card === undefined
            ? undefined
            : defined({
                primaryAccountNumber: ctx.requiredText(card, 'cbc:PrimaryAccountNumberID', 'BT-87 Payment card primary account number'),
                networkId: ctx.requiredText(card, 'cbc:NetworkID', 'Card network identifier'),
                holderName: ctx.text(card, 'cbc:HolderName', 'BT-88 Payment card holder name'),
              }),
        creditTransfer:
          account === undefined
            ? undefined
            : defined({
                accountId: ctx.requiredText(account, 'cbc:ID', 'BT-84 Payment account identifier'),
                accountName: ctx.text(account, 'cbc:Name', 'BT-85 Payment account name'),
                serviceProviderId: ctx.textAt(account, ['cac:FinancialInstitutionBranch', 'cbc:ID'], 'BT-86 Payment service provider identifier'),
              }),
        directDebit,
      }),
    );
  }
  return defined({ instructions, dueDate });
}

/**
 * Reads BT-20 from `cac:PaymentTerms/cbc:Note` (the model holds one payment terms text).
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the payment terms or undefined
 * @example
 * readPaymentTerms(ctx, root); // 'Payment within 10 days, 2% discount'
 */
export function readPaymentTerms(ctx: ReadContext, root: XmlElement): string | undefined {
  return ctx.textAt(root, ['cac:PaymentTerms', 'cbc:Note'], 'BT-20 Payment terms');
}
