import { z } from 'zod';
import { ALLOWANCE_REASON_CODES, CHARGE_REASON_CODES } from './codes/index.js';
import { DecimalSchema } from './decimal.js';
import { makeVatCategorySchema } from './tax.js';
import type { DeepReadonly } from './readonly.js';

/** `allowance` (ChargeIndicator false) or `charge` (ChargeIndicator true). */
export const AllowanceChargeKindSchema = z.enum(['allowance', 'charge']);

/**
 * The reason code list depends on the kind: UNCL 5189 for allowances, UNCL 7161 for charges
 * (BR-CL-19, BR-CL-20). Checked on the whole object because the kind decides the list.
 */
function checkReasonCode(
  ac: { readonly kind: 'allowance' | 'charge'; readonly reasonCode?: string | undefined },
  ctx: z.RefinementCtx,
): void {
  if (ac.reasonCode === undefined) return;
  const list = ac.kind === 'allowance' ? ALLOWANCE_REASON_CODES : CHARGE_REASON_CODES;
  if (!list.has(ac.reasonCode)) {
    ctx.addIssue({
      code: 'custom',
      path: ['reasonCode'],
      message: `Unknown ${ac.kind} reason code: not in the ${ac.kind === 'allowance' ? 'UNCL 5189' : 'UNCL 7161'} code list`,
    });
  }
}

const allowanceChargeFields = {
  kind: AllowanceChargeKindSchema.describe('ChargeIndicator: allowance (false) or charge (true)'),
  reasonCode: z.string().optional().describe('BT-98/BT-105 (document) or BT-140/BT-145 (line) reason code'),
  reason: z.string().optional().describe('BT-97/BT-104 (document) or BT-139/BT-144 (line) reason'),
  percentage: DecimalSchema.optional().describe('BT-94/BT-101 (document) or BT-138/BT-143 (line) percentage'),
  amount: DecimalSchema.describe('BT-92/BT-99 (document) or BT-136/BT-141 (line) amount'),
  baseAmount: DecimalSchema.optional().describe('BT-93/BT-100 (document) or BT-137/BT-142 (line) base amount'),
};

/**
 * BG-20 DOCUMENT LEVEL ALLOWANCES / BG-21 DOCUMENT LEVEL CHARGES, kept in one list so the
 * written order survives a round trip.
 *
 * @example
 * DocumentAllowanceChargeSchema.parse({ kind: 'charge', reason: 'Insurance', amount: '25', vatCategory: { code: 'S', rate: '25' } });
 */
export const DocumentAllowanceChargeSchema = z
  .object({
    ...allowanceChargeFields,
    vatCategory: makeVatCategorySchema('BT-95/BT-102', 'BT-96/BT-103').describe('BT-95/BT-102 VAT category code, BT-96/BT-103 VAT rate'),
  })
  .superRefine(checkReasonCode)
  .describe('BG-20 Document level allowance / BG-21 Document level charge');
/** See {@link DocumentAllowanceChargeSchema}. */
export type DocumentAllowanceCharge = DeepReadonly<z.infer<typeof DocumentAllowanceChargeSchema>>;

/**
 * BG-27 INVOICE LINE ALLOWANCES / BG-28 INVOICE LINE CHARGES.
 *
 * @example
 * LineAllowanceChargeSchema.parse({ kind: 'allowance', reasonCode: '95', amount: '10' });
 */
export const LineAllowanceChargeSchema = z
  .object(allowanceChargeFields)
  .superRefine(checkReasonCode)
  .describe('BG-27 Invoice line allowance / BG-28 Invoice line charge');
/** See {@link LineAllowanceChargeSchema}. */
export type LineAllowanceCharge = DeepReadonly<z.infer<typeof LineAllowanceChargeSchema>>;
