/**
 * BG-16 PAYMENT INSTRUCTIONS (`cac:PaymentMeans`, one per instruction) and BT-20 payment
 * terms (`cac:PaymentTerms`).
 */
import type { Document } from '../../model/document.js';
import type { PaymentInstruction } from '../../model/payment.js';
import type { UblWriter } from './writer.js';

/**
 * Writes one `cac:PaymentMeans` per payment instruction. In a credit note BT-9 (payment
 * due date) has no header element and goes into the first PaymentMeans as
 * `cbc:PaymentDueDate`, as the Peppol credit note binding places it.
 *
 * @param w - the writer
 * @param doc - the document (payment instructions, and for a credit note the due date)
 * @throws UblSerializeError `UNREPRESENTABLE` for a credit note with a due date but no payment instruction
 * @example
 * writePaymentMeans(w, doc);
 */
export function writePaymentMeans(w: UblWriter, doc: Document): void {
  const list = doc.paymentInstructions ?? [];
  const creditNoteDueDate = doc.documentType === 'CreditNote' ? doc.dueDate : undefined;
  if (list.length === 0 && creditNoteDueDate !== undefined && creditNoteDueDate.trim() !== '') {
    throw w.error('UNREPRESENTABLE', 'BT-9 Payment due date', 'dueDate', 'cannot be written in a credit note without a payment instruction (BG-16): UBL carries it in cac:PaymentMeans/cbc:PaymentDueDate');
  }
  w.enter('paymentInstructions');
  for (let i = 0; i < list.length; i++) {
    const p = w.requiredGroup(list[i], 'BG-16 Payment instructions', i);
    w.enter(i);
    writeOnePaymentMeans(w, p, i === 0 ? creditNoteDueDate : undefined);
    w.leave();
  }
  w.leave();
}

/**
 * Writes BT-20 as `cac:PaymentTerms/cbc:Note`.
 *
 * @param w - the writer
 * @param terms - the payment terms text, if any
 * @example
 * writePaymentTerms(w, doc.paymentTerms);
 */
export function writePaymentTerms(w: UblWriter, terms: string | undefined): void {
  w.start('cac:PaymentTerms');
  w.text('cbc:Note', terms, 'BT-20 Payment terms', 'paymentTerms');
  w.end();
}

/** PaymentMeansType order: PaymentMeansCode, PaymentDueDate, PaymentID, CardAccount, PayeeFinancialAccount, PaymentMandate. */
function writeOnePaymentMeans(w: UblWriter, p: PaymentInstruction, dueDate: string | undefined): void {
  w.start('cac:PaymentMeans');
  w.requiredText('cbc:PaymentMeansCode', p.typeCode, 'BT-81 Payment means type code', 'typeCode', { name: p.typeText });
  // BT-9 belongs to the document: errors name it at the root of the model.
  if (dueDate !== undefined) w.atPath([], () => w.text('cbc:PaymentDueDate', dueDate, 'BT-9 Payment due date', 'dueDate'));
  w.text('cbc:PaymentID', p.remittanceInformation, 'BT-83 Remittance information', 'remittanceInformation');
  const card = p.card;
  if (card !== undefined) {
    w.enter('card');
    w.start('cac:CardAccount');
    w.requiredText('cbc:PrimaryAccountNumberID', card.primaryAccountNumber, 'BT-87 Payment card primary account number', 'primaryAccountNumber');
    w.requiredText('cbc:NetworkID', card.networkId, 'BT-87 Payment card network identifier', 'networkId');
    w.text('cbc:HolderName', card.holderName, 'BT-88 Payment card holder name', 'holderName');
    w.end();
    w.leave();
  }
  const transfer = p.creditTransfer;
  if (transfer !== undefined) {
    w.enter('creditTransfer');
    w.start('cac:PayeeFinancialAccount');
    w.requiredText('cbc:ID', transfer.accountId, 'BT-84 Payment account identifier', 'accountId');
    w.text('cbc:Name', transfer.accountName, 'BT-85 Payment account name', 'accountName');
    w.start('cac:FinancialInstitutionBranch');
    w.text('cbc:ID', transfer.serviceProviderId, 'BT-86 Payment service provider identifier', 'serviceProviderId');
    w.end();
    w.end();
    w.leave();
  }
  const debit = p.directDebit;
  if (debit !== undefined) {
    w.enter('directDebit');
    w.start('cac:PaymentMandate');
    w.text('cbc:ID', debit.mandateReference, 'BT-89 Mandate reference identifier', 'mandateReference');
    w.start('cac:PayerFinancialAccount');
    w.text('cbc:ID', debit.debitedAccountId, 'BT-91 Debited account identifier', 'debitedAccountId');
    w.end();
    w.end();
    w.leave();
  }
  w.end();
}
