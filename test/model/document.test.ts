import { describe, expect, it } from 'vitest';
import {
  DocumentSchema,
  isSelfBilledDocument,
  SELF_BILLING_CUSTOMIZATION_ID,
  SELF_BILLING_PROFILE_ID,
  SelfBilledDocumentSchema,
  type SelfBilledDocumentInput,
} from '../../src/model/document.js';
import { Decimal } from '../../src/model/decimal.js';

const minimal = (): SelfBilledDocumentInput => ({
  documentType: 'Invoice',
  typeCode: '389',
  invoiceNumber: 'SB-2024-0001',
  issueDate: '2024-03-31',
  currencyCode: 'EUR',
  seller: {
    name: 'Supplier Ltd',
    endpoint: { id: '7300010000001', schemeId: '0088' },
    postalAddress: { countryCode: 'GB' },
    vatIdentifier: 'GB1232434',
  },
  buyer: {
    name: 'Customer AB',
    endpoint: { id: '5560000000', schemeId: '0007' },
    postalAddress: { countryCode: 'SE' },
  },
  totals: { lineNetTotal: '100', totalWithoutVat: '100', vatTotal: '25', totalWithVat: '125', amountDue: '125' },
  vatBreakdown: [{ taxableAmount: '100', taxAmount: '25', category: { code: 'S', rate: '25' } }],
  lines: [
    {
      id: '1', quantity: '2', unitCode: 'C62', netAmount: '100',
      item: { name: 'Widget', vatCategory: { code: 'S', rate: '25' } },
      price: { netPrice: '50' },
    },
  ],
});

describe('SelfBilledDocumentSchema', () => {
  it('fills in the self-billing specification and process identifiers', () => {
    const doc = SelfBilledDocumentSchema.parse(minimal());
    expect(doc.customizationId).toBe(SELF_BILLING_CUSTOMIZATION_ID);
    expect(doc.profileId).toBe(SELF_BILLING_PROFILE_ID);
    expect(doc.precedingInvoices).toEqual([]);
  });

  it('turns every amount, quantity and rate into a Decimal', () => {
    const doc = SelfBilledDocumentSchema.parse(minimal());
    expect(doc.totals.amountDue).toBeInstanceOf(Decimal);
    expect(doc.lines[0]?.quantity.toString()).toBe('2');
    expect(doc.lines[0]?.item.vatCategory.rate?.toString()).toBe('25');
  });

  it('accepts the three self-billing kinds and refuses a regular invoice type code', () => {
    expect(SelfBilledDocumentSchema.safeParse({ ...minimal(), typeCode: '527' }).success).toBe(true);
    expect(SelfBilledDocumentSchema.safeParse({ ...minimal(), documentType: 'CreditNote', typeCode: '261' }).success).toBe(true);
    expect(SelfBilledDocumentSchema.safeParse({ ...minimal(), typeCode: '380' }).success).toBe(false);
  });

  it('refuses a credit note type code on an Invoice root', () => {
    expect(SelfBilledDocumentSchema.safeParse({ ...minimal(), documentType: 'Invoice', typeCode: '261' }).success).toBe(false);
  });

  it('names the field of an unknown code and the code list', () => {
    const input = minimal();
    const r = SelfBilledDocumentSchema.safeParse({ ...input, currencyCode: 'XYZ' });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues[0]?.path).toEqual(['currencyCode']);
      expect(r.error.issues[0]?.message).toMatch(/ISO 4217/);
    }
  });

  it('checks allowance reason codes against UNCL 5189 and charge reason codes against UNCL 7161', () => {
    const ac = (kind: 'allowance' | 'charge', reasonCode: string) => ({
      ...minimal(),
      allowanceCharges: [{ kind, reasonCode, amount: '1', vatCategory: { code: 'S', rate: '25' } }],
    });
    expect(SelfBilledDocumentSchema.safeParse(ac('allowance', '95')).success).toBe(true);
    expect(SelfBilledDocumentSchema.safeParse(ac('charge', 'FC')).success).toBe(true);
    expect(SelfBilledDocumentSchema.safeParse(ac('allowance', 'FC')).success).toBe(false);
    expect(SelfBilledDocumentSchema.safeParse(ac('charge', '95')).success).toBe(false);
  });

  it('requires at least one line (BG-25)', () => {
    expect(SelfBilledDocumentSchema.safeParse({ ...minimal(), lines: [] }).success).toBe(false);
  });

  it('refuses amounts given as JavaScript numbers', () => {
    const input = minimal() as Record<string, unknown>;
    const r = SelfBilledDocumentSchema.safeParse({ ...input, totals: { ...(input['totals'] as object), amountDue: 125 } });
    expect(r.success).toBe(false);
  });

  it('describes every field with its business term id', () => {
    const shape = SelfBilledDocumentSchema.options[0].shape;
    expect(shape.invoiceNumber.description).toMatch(/^BT-1 /);
    expect(shape.seller.shape.vatIdentifier.description).toMatch(/^BT-31 /);
    expect(shape.buyer.shape.endpoint.description).toMatch(/^BT-49 /);
  });
});

describe('DocumentSchema', () => {
  it('reads a regular billing invoice (380) so that it can be flagged instead of lost', () => {
    expect(DocumentSchema.safeParse({ ...minimal(), typeCode: '380' }).success).toBe(true);
  });

  it('refuses a type code that is in no UNCL 1001 subset of the root', () => {
    expect(DocumentSchema.safeParse({ ...minimal(), typeCode: '999' }).success).toBe(false);
  });
});

describe('isSelfBilledDocument', () => {
  it('is true for 389 and 527 invoices and 261 credit notes only', () => {
    const base = DocumentSchema.parse(minimal());
    expect(isSelfBilledDocument({ ...base, typeCode: '389' })).toBe(true);
    expect(isSelfBilledDocument({ ...base, typeCode: '527' })).toBe(true);
    expect(isSelfBilledDocument({ ...base, typeCode: '380' })).toBe(false);
    expect(isSelfBilledDocument({ ...base, documentType: 'CreditNote', typeCode: '261' })).toBe(true);
    expect(isSelfBilledDocument({ ...base, documentType: 'CreditNote', typeCode: '381' })).toBe(false);
  });
});
