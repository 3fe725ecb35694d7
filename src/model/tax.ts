import { z } from 'zod';
import { VAT_CATEGORY_CODES, VATEX_CODES } from './codes/index.js';
import { DecimalSchema } from './decimal.js';
import { codeSchema } from './primitives.js';
import type { DeepReadonly } from './readonly.js';

/** UNCL 5305 VAT category code as Peppol uses it (S, Z, E, AE, K, G, O, L, M, B). */
export const VatCategoryCodeSchema = codeSchema(VAT_CATEGORY_CODES, 'UNCL 5305');

/**
 * A VAT category with its rate, as carried by a line (BG-30), a document allowance or
 * charge (BT-95/BT-96, BT-102/BT-103). The rate is absent for category O (outside scope).
 *
 * @example
 * VatCategorySchema.parse({ code: 'S', rate: '25' });
 */
export const VatCategorySchema = z.object({
  code: VatCategoryCodeSchema.describe('VAT category code (UNCL 5305)'),
  rate: DecimalSchema.optional().describe('VAT rate in percent'),
});
/** See {@link VatCategorySchema}. */
export type VatCategory = DeepReadonly<z.infer<typeof VatCategorySchema>>;

/**
 * BG-23 VAT BREAKDOWN: one entry per (category, rate).
 *
 * @example
 * VatBreakdownSchema.parse({ taxableAmount: '1325', taxAmount: '331.25', category: { code: 'S', rate: '25' } });
 */
export const VatBreakdownSchema = z
  .object({
    taxableAmount: DecimalSchema.describe('BT-116 VAT category taxable amount'),
    taxAmount: DecimalSchema.describe('BT-117 VAT category tax amount'),
    category: z.object({
      code: VatCategoryCodeSchema.describe('BT-118 VAT category code'),
      rate: DecimalSchema.optional().describe('BT-119 VAT category rate'),
      exemptionReasonCode: codeSchema(VATEX_CODES, 'VATEX').optional().describe('BT-121 VAT exemption reason code'),
      exemptionReason: z.string().optional().describe('BT-120 VAT exemption reason text'),
    }),
  })
  .describe('BG-23 VAT breakdown');
/** See {@link VatBreakdownSchema}. */
export type VatBreakdown = DeepReadonly<z.infer<typeof VatBreakdownSchema>>;
