import { z } from 'zod';
import { COUNTRY_CODES, ITEM_CLASSIFICATION_CODES, UNIT_CODES } from './codes/index.js';
import { makeObjectIdentifierSchema } from './references.js';
import { DecimalSchema } from './decimal.js';
import { LineAllowanceChargeSchema } from './allowance-charge.js';
import { codeSchema, DateSchema, IdentifierSchema, TextSchema } from './primitives.js';
import { makeVatCategorySchema } from './tax.js';
import type { DeepReadonly } from './readonly.js';

/** UN/ECE Recommendation 20/21 unit of measure code. */
export const UnitCodeSchema = codeSchema(UNIT_CODES, 'UN/ECE Recommendation 20');

/**
 * BT-158 Item classification identifier with its scheme (`listID`, UNCL 7143) and version.
 *
 * @example
 * ItemClassificationSchema.parse({ code: '86776', listId: 'STI' });
 */
export const ItemClassificationSchema = z.object({
  code: TextSchema.describe('BT-158 Item classification identifier'),
  listId: codeSchema(ITEM_CLASSIFICATION_CODES, 'UNCL 7143').describe('BT-158-1 Item classification scheme (listID)'),
  listVersionId: z.string().optional().describe('BT-158-2 Scheme version (listVersionID)'),
});

/**
 * BG-31 ITEM INFORMATION with BG-30 (line VAT) and BG-32 (item attributes).
 *
 * @example
 * ItemSchema.parse({ name: 'Consulting hours', vatCategory: { code: 'S', rate: '25' } });
 */
export const ItemSchema = z
  .object({
    description: z.string().optional().describe('BT-154 Item description'),
    name: TextSchema.describe('BT-153 Item name'),
    buyersIdentifier: z.string().optional().describe("BT-156 Item Buyer's identifier"),
    sellersIdentifier: z.string().optional().describe("BT-155 Item Seller's identifier"),
    standardIdentifier: IdentifierSchema.optional().describe('BT-157 Item standard identifier (schemeID from ICD, e.g. 0160 GTIN)'),
    originCountry: codeSchema(COUNTRY_CODES, 'ISO 3166-1 alpha-2').optional().describe('BT-159 Item country of origin'),
    classifications: z.array(ItemClassificationSchema).default([]).describe('BT-158 Item classification identifiers'),
    vatCategory: makeVatCategorySchema('BT-151', 'BT-152').describe('BG-30 Line VAT information: BT-151 category code, BT-152 rate'),
    attributes: z
      .array(z.object({ name: TextSchema.describe('BT-160 Item attribute name'), value: z.string().describe('BT-161 Item attribute value') }))
      .default([])
      .describe('BG-32 Item attributes'),
  })
  .describe('BG-31 Item information');
/** See {@link ItemSchema}. */
export type Item = DeepReadonly<z.infer<typeof ItemSchema>>;

/**
 * BG-29 PRICE DETAILS. The net price (BT-146) keeps full precision; it may be for a base
 * quantity (BT-149) other than one. BT-147/BT-148 give the discount from a gross price.
 *
 * @example
 * PriceSchema.parse({ netPrice: '400', baseQuantity: '1', baseQuantityUnitCode: 'DAY' });
 */
export const PriceSchema = z
  .object({
    netPrice: DecimalSchema.describe('BT-146 Item net price'),
    baseQuantity: DecimalSchema.optional().describe('BT-149 Item price base quantity'),
    baseQuantityUnitCode: UnitCodeSchema.optional().describe('BT-150 Item price base quantity unit of measure code'),
    discount: DecimalSchema.optional().describe('BT-147 Item price discount'),
    grossPrice: DecimalSchema.optional().describe('BT-148 Item gross price'),
  })
  .describe('BG-29 Price details');
/** See {@link PriceSchema}. */
export type Price = DeepReadonly<z.infer<typeof PriceSchema>>;

/**
 * BT-128 Invoice line object identifier (`cac:DocumentReference` with type code 130).
 *
 * @example
 * LineObjectIdentifierSchema.parse({ id: 'M-77', schemeId: 'AUU' });
 */
export const LineObjectIdentifierSchema = makeObjectIdentifierSchema('BT-128 Invoice line object identifier');

/**
 * BG-25 INVOICE LINE (`cac:InvoiceLine`, or `cac:CreditNoteLine` in a credit note).
 * A negative quantity with a positive price is how a negative-invoice correction credits.
 *
 * @example
 * LineSchema.parse({
 *   id: '1', quantity: '7', unitCode: 'DAY', netAmount: '2800',
 *   item: { name: 'Consulting', vatCategory: { code: 'S', rate: '25' } },
 *   price: { netPrice: '400' },
 * });
 */
export const LineSchema = z
  .object({
    id: TextSchema.describe('BT-126 Invoice line identifier'),
    note: z.string().optional().describe('BT-127 Invoice line note'),
    quantity: DecimalSchema.describe('BT-129 Invoiced quantity'),
    unitCode: UnitCodeSchema.describe('BT-130 Invoiced quantity unit of measure code'),
    netAmount: DecimalSchema.describe('BT-131 Invoice line net amount'),
    buyerAccountingReference: z.string().optional().describe('BT-133 Invoice line Buyer accounting reference'),
    period: z
      .object({
        startDate: DateSchema.optional().describe('BT-134 Invoice line period start date'),
        endDate: DateSchema.optional().describe('BT-135 Invoice line period end date'),
      })
      .optional()
      .describe('BG-26 Invoice line period'),
    orderLineReference: z.string().optional().describe('BT-132 Referenced purchase order line reference'),
    objectIdentifier: LineObjectIdentifierSchema.optional().describe('BT-128 Invoice line object identifier'),
    allowanceCharges: z.array(LineAllowanceChargeSchema).default([]).describe('BG-27 Line allowances / BG-28 Line charges'),
    item: ItemSchema,
    price: PriceSchema,
  })
  .describe('BG-25 Invoice line');
/** See {@link LineSchema}. */
export type Line = DeepReadonly<z.infer<typeof LineSchema>>;
