/**
 * `cac:AllowanceCharge` <-> BG-20/BG-21 (document level, with VAT category) and
 * BG-27/BG-28 (line level, without).
 */
import { ALLOWANCE_REASON_CODES, CHARGE_REASON_CODES } from '../../model/codes/index.js';
import type { DocumentAllowanceCharge, LineAllowanceCharge } from '../../model/allowance-charge.js';
import type { ReadContext } from './context.js';
import { readVatCategory } from './tax.js';
import { defined, MISSING_AMOUNT } from './util.js';
import type { XmlElement } from './xml.js';

/** Business terms of one allowance/charge level, for allowance and for charge. */
interface Terms {
  readonly reasonCode: readonly [string, string];
  readonly reason: readonly [string, string];
  readonly percentage: readonly [string, string];
  readonly amount: readonly [string, string];
  readonly base: readonly [string, string];
}

const DOCUMENT_TERMS: Terms = {
  reasonCode: ['BT-98 Document level allowance reason code', 'BT-105 Document level charge reason code'],
  reason: ['BT-97 Document level allowance reason', 'BT-104 Document level charge reason'],
  percentage: ['BT-94 Document level allowance percentage', 'BT-101 Document level charge percentage'],
  amount: ['BT-92 Document level allowance amount', 'BT-99 Document level charge amount'],
  base: ['BT-93 Document level allowance base amount', 'BT-100 Document level charge base amount'],
};

const LINE_TERMS: Terms = {
  reasonCode: ['BT-140 Invoice line allowance reason code', 'BT-145 Invoice line charge reason code'],
  reason: ['BT-139 Invoice line allowance reason', 'BT-144 Invoice line charge reason'],
  percentage: ['BT-138 Invoice line allowance percentage', 'BT-143 Invoice line charge percentage'],
  amount: ['BT-136 Invoice line allowance amount', 'BT-141 Invoice line charge amount'],
  base: ['BT-137 Invoice line allowance amount base', 'BT-142 Invoice line charge base amount'],
};

function readCommon(ctx: ReadContext, el: XmlElement, terms: Terms): LineAllowanceCharge {
  const indicatorEl = ctx.one(el, 'cbc:ChargeIndicator');
  const indicator = indicatorEl?.text();
  let kind: 'allowance' | 'charge' = 'allowance';
  if (indicator === 'true' || indicator === '1') kind = 'charge';
  else if (indicator === 'false' || indicator === '0') kind = 'allowance';
  else if (indicatorEl === undefined || indicator === '') ctx.missing(el, 'cbc:ChargeIndicator', 'Charge indicator (allowance or charge)');
  else {
    ctx.report('error', 'INVALID-BOOLEAN', `Charge indicator "${indicator}" is not a boolean: write "true" for a charge or "false" for an allowance.`, indicatorEl);
  }
  if ((indicator === '1' || indicator === '0') && indicatorEl !== undefined) {
    // xs:boolean allows 1/0; the model holds the meaning, and serializeUbl writes true/false.
    ctx.report(
      'warning',
      'VALUE-NORMALIZED',
      `Charge indicator "${indicator}" is read as ${kind === 'charge' ? 'a charge' : 'an allowance'} and written back as "${kind === 'charge' ? 'true' : 'false'}".`,
      indicatorEl,
    );
  }
  const i = kind === 'allowance' ? 0 : 1;
  const reasonCode = ctx.one(el, 'cbc:AllowanceChargeReasonCode');
  const code = reasonCode?.text();
  if (reasonCode !== undefined && code !== undefined && code !== '') {
    ctx.checkCode(code, kind === 'allowance' ? ALLOWANCE_REASON_CODES : CHARGE_REASON_CODES, kind === 'allowance' ? 'UNCL 5189' : 'UNCL 7161', terms.reasonCode[i] as string, reasonCode);
  }
  return defined({
    kind,
    reasonCode: code,
    reason: ctx.text(el, 'cbc:AllowanceChargeReason', terms.reason[i] as string),
    percentage: ctx.decimal(el, 'cbc:MultiplierFactorNumeric', terms.percentage[i] as string),
    amount: ctx.amount(el, 'cbc:Amount', terms.amount[i] as string, { required: true }) ?? MISSING_AMOUNT,
    baseAmount: ctx.amount(el, 'cbc:BaseAmount', terms.base[i] as string),
  });
}


/**
 * Reads a document level allowance or charge (BG-20/BG-21) with its VAT category (BT-95/BT-96, BT-102/BT-103).
 *
 * @param ctx - reading context
 * @param el - the `cac:AllowanceCharge` element
 * @returns the allowance or charge
 * @example
 * readDocumentAllowanceCharge(ctx, el); // { kind: 'charge', reason: 'Insurance', amount: Decimal(25), vatCategory: { code: 'S', rate: Decimal(25) } }
 */
export function readDocumentAllowanceCharge(ctx: ReadContext, el: XmlElement): DocumentAllowanceCharge {
  const common = readCommon(ctx, el, DOCUMENT_TERMS);
  const allowance = common.kind === 'allowance';
  const category = ctx.one(el, 'cac:TaxCategory');
  const vatCategory = readVatCategory(
    ctx,
    el,
    category,
    'cac:TaxCategory',
    allowance ? 'BT-95 Document level allowance VAT category code' : 'BT-102 Document level charge VAT category code',
    allowance ? 'BT-96 Document level allowance VAT rate' : 'BT-103 Document level charge VAT rate',
  );
  return { ...common, vatCategory };
}

/**
 * Reads a line level allowance or charge (BG-27/BG-28).
 *
 * @param ctx - reading context
 * @param el - the `cac:AllowanceCharge` element inside a line
 * @returns the allowance or charge
 * @example
 * readLineAllowanceCharge(ctx, el); // { kind: 'allowance', reasonCode: '95', amount: Decimal(10) }
 */
export function readLineAllowanceCharge(ctx: ReadContext, el: XmlElement): LineAllowanceCharge {
  return readCommon(ctx, el, LINE_TERMS);
}
