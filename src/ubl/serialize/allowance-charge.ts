/**
 * Allowances and charges: BG-20/BG-21 on the document (with their VAT category) and
 * BG-27/BG-28 on a line (without), both as `cac:AllowanceCharge`.
 */
import type { DocumentAllowanceCharge, LineAllowanceCharge } from '../../model/allowance-charge.js';
import { writeVatScheme } from './tax.js';
import type { UblWriter } from './writer.js';

interface AllowanceChargeTerms {
  readonly group: string;
  readonly reasonCode: string;
  readonly reason: string;
  readonly percentage: string;
  readonly amount: string;
  readonly baseAmount: string;
  readonly category: string;
  readonly rate: string;
}

const DOCUMENT_ALLOWANCE: AllowanceChargeTerms = {
  group: 'BG-20 Document level allowances',
  reasonCode: 'BT-98 Document level allowance reason code',
  reason: 'BT-97 Document level allowance reason',
  percentage: 'BT-94 Document level allowance percentage',
  amount: 'BT-92 Document level allowance amount',
  baseAmount: 'BT-93 Document level allowance base amount',
  category: 'BT-95 Document level allowance VAT category code',
  rate: 'BT-96 Document level allowance VAT rate',
};
const DOCUMENT_CHARGE: AllowanceChargeTerms = {
  group: 'BG-21 Document level charges',
  reasonCode: 'BT-105 Document level charge reason code',
  reason: 'BT-104 Document level charge reason',
  percentage: 'BT-101 Document level charge percentage',
  amount: 'BT-99 Document level charge amount',
  baseAmount: 'BT-100 Document level charge base amount',
  category: 'BT-102 Document level charge VAT category code',
  rate: 'BT-103 Document level charge VAT rate',
};
const LINE_ALLOWANCE: AllowanceChargeTerms = {
  group: 'BG-27 Invoice line allowances',
  reasonCode: 'BT-140 Invoice line allowance reason code',
  reason: 'BT-139 Invoice line allowance reason',
  percentage: 'BT-138 Invoice line allowance percentage',
  amount: 'BT-136 Invoice line allowance amount',
  baseAmount: 'BT-137 Invoice line allowance base amount',
  category: '',
  rate: '',
};
const LINE_CHARGE: AllowanceChargeTerms = {
  group: 'BG-28 Invoice line charges',
  reasonCode: 'BT-145 Invoice line charge reason code',
  reason: 'BT-144 Invoice line charge reason',
  percentage: 'BT-143 Invoice line charge percentage',
  amount: 'BT-141 Invoice line charge amount',
  baseAmount: 'BT-142 Invoice line charge base amount',
  category: '',
  rate: '',
};

/**
 * Writes the document level allowances and charges (BG-20, BG-21) in model order.
 *
 * @param w - the writer
 * @param list - the allowances and charges
 * @example
 * writeDocumentAllowanceCharges(w, doc.allowanceCharges);
 */
export function writeDocumentAllowanceCharges(w: UblWriter, list: readonly DocumentAllowanceCharge[] | undefined): void {
  if (list === undefined) return;
  w.enter('allowanceCharges');
  for (let i = 0; i < list.length; i++) {
    const ac = w.requiredGroup(list[i], 'BG-20 Document level allowances / BG-21 charges', i);
    w.enter(i);
    const t = termsOf(w, ac.kind, DOCUMENT_ALLOWANCE, DOCUMENT_CHARGE);
    writeBody(w, ac, t);
    const category = w.requiredGroup(ac.vatCategory, t.category, 'vatCategory');
    w.enter('vatCategory');
    w.start('cac:TaxCategory');
    w.requiredText('cbc:ID', category.code, t.category, 'code');
    w.decimal('cbc:Percent', category.rate, t.rate, 'rate');
    writeVatScheme(w);
    w.end();
    w.leave();
    w.end();
    w.leave();
  }
  w.leave();
}

/**
 * Writes the line level allowances and charges (BG-27, BG-28) of one line, in model order.
 *
 * @param w - the writer
 * @param list - the line's allowances and charges
 * @example
 * writeLineAllowanceCharges(w, line.allowanceCharges);
 */
export function writeLineAllowanceCharges(w: UblWriter, list: readonly LineAllowanceCharge[] | undefined): void {
  if (list === undefined) return;
  w.enter('allowanceCharges');
  for (let i = 0; i < list.length; i++) {
    const ac = w.requiredGroup(list[i], 'BG-27 Invoice line allowances / BG-28 charges', i);
    w.enter(i);
    writeBody(w, ac, termsOf(w, ac.kind, LINE_ALLOWANCE, LINE_CHARGE));
    w.end();
    w.leave();
  }
  w.leave();
}

function termsOf(w: UblWriter, kind: unknown, allowance: AllowanceChargeTerms, charge: AllowanceChargeTerms): AllowanceChargeTerms {
  if (kind === 'allowance') return allowance;
  if (kind === 'charge') return charge;
  throw w.error('INVALID-VALUE', `${allowance.group} / ${charge.group.slice(0, 5)} kind`, 'kind', `must be "allowance" or "charge", got ${JSON.stringify(kind)}`);
}

/**
 * Opens `cac:AllowanceCharge` and writes what both levels share, in AllowanceChargeType
 * order: ChargeIndicator, AllowanceChargeReasonCode, AllowanceChargeReason,
 * MultiplierFactorNumeric, Amount, BaseAmount. The caller adds TaxCategory and closes.
 */
function writeBody(w: UblWriter, ac: LineAllowanceCharge, t: AllowanceChargeTerms): void {
  w.start('cac:AllowanceCharge');
  w.constant('cbc:ChargeIndicator', ac.kind === 'charge' ? 'true' : 'false');
  w.text('cbc:AllowanceChargeReasonCode', ac.reasonCode, t.reasonCode, 'reasonCode');
  w.text('cbc:AllowanceChargeReason', ac.reason, t.reason, 'reason');
  w.decimal('cbc:MultiplierFactorNumeric', ac.percentage, t.percentage, 'percentage');
  w.requiredAmount('cbc:Amount', ac.amount, t.amount, 'amount');
  w.amount('cbc:BaseAmount', ac.baseAmount, t.baseAmount, 'baseAmount');
}
