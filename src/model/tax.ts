import { z } from 'zod';
import { VAT_CATEGORY_CODES, VATEX_CODES } from './codes/index.js';
import { DecimalSchema } from './decimal.js';
import { codeSchema } from './primitives.js';
import type { DeepReadonly } from './readonly.js';

/** UNCL 5305 VAT category code as Peppol uses it (S, Z, E, AE, K, G, O, L, M, B). */
export const VatCategoryCodeSchema = codeSchema(VAT_CATEGORY_CODES, 'UNCL 5305');

/**
 * Builds the schema of a VAT category with its rate, with the business term ids of the place
 * it is used: a line (BG-30: BT-151, BT-152), a document allowance (BT-95, BT-96) or charge
 * (BT-102, BT-103). The rate is absent for category O (outside scope).
 *
 * @example
 * makeVatCategorySchema('BT-151', 'BT-152').parse({ code: 'S', rate: '25' });
 */
export function makeVatCategorySchema(codeTerm: string, rateTerm: string) {
  return z.object({
    code: VatCategoryCodeSchema.describe(`${codeTerm} VAT category code (UNCL 5305)`),
    rate: DecimalSchema.optional().describe(`${rateTerm} VAT rate in percent`),
  });
}

/**
 * A VAT category with its rate, as carried by a line (BG-30) or a document allowance or charge.
 *
 * @example
 * VatCategorySchema.parse({ code: 'S', rate: '25' });
 */
export const VatCategorySchema = makeVatCategorySchema('BT-151', 'BT-152');
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
