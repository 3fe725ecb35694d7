/**
 * TEST-ONLY reader: reads just the parts of a UBL Invoice/CreditNote that the calculation
 * and the VAT category check look at. It stands in for `parseUbl` (src/ubl/parse, being
 * written) and is replaced by it once `src/ubl/parse/index.ts` exports `parseUbl`.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { decimalFromText, type Decimal } from '../../../src/model/decimal.js';
import type { DocumentAllowanceCharge, LineAllowanceCharge } from '../../../src/model/allowance-charge.js';
import type { Line } from '../../../src/model/line.js';
import type { VatBreakdown } from '../../../src/model/tax.js';
import type { DocumentTotals } from '../../../src/model/totals.js';
import type { VatCheckDocument } from '../../../src/calc/vat-categories.js';

const ARRAYS = new Set(['InvoiceLine', 'CreditNoteLine', 'AllowanceCharge', 'TaxTotal', 'TaxSubtotal', 'PartyTaxScheme', 'Note']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  textNodeName: '#text',
  isArray: (name) => ARRAYS.has(name),
});

type Node = Record<string, unknown>;

function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (typeof node === 'string') return node.trim();
  if (typeof node === 'object' && '#text' in (node as Node)) return String((node as Node)['#text']).trim();
  return undefined;
}
function attr(node: unknown, name: string): string | undefined {
  return typeof node === 'object' && node !== null ? ((node as Node)[`@${name}`] as string | undefined) : undefined;
}
function dec(node: unknown): Decimal | undefined {
  const t = text(node);
  return t === undefined ? undefined : decimalFromText(t);
}
function must(node: unknown, what: string): Decimal {
  const d = dec(node);
  if (d === undefined) throw new Error(`test reader: ${what} missing or not a decimal`);
  return d;
}
function child(node: unknown, name: string): Node | undefined {
  return typeof node === 'object' && node !== null ? ((node as Node)[name] as Node | undefined) : undefined;
}
function list(node: unknown, name: string): Node[] {
  const v = child(node, name);
  return Array.isArray(v) ? (v as Node[]) : v === undefined ? [] : [v];
}
function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function allowanceCharge(ac: Node): LineAllowanceCharge {
  return {
    kind: text(ac['ChargeIndicator']) === 'true' ? 'charge' : 'allowance',
    amount: must(ac['Amount'], 'AllowanceCharge/Amount'),
    ...opt('baseAmount', dec(ac['BaseAmount'])),
    ...opt('percentage', dec(ac['MultiplierFactorNumeric'])),
    ...opt('reasonCode', text(ac['AllowanceChargeReasonCode'])),
    ...opt('reason', text(ac['AllowanceChargeReason'])),
  };
}

/** The stated totals of the file, for comparison. */
export interface ReadDocument {
  readonly documentType: 'Invoice' | 'CreditNote';
  readonly doc: VatCheckDocument;
}

/**
 * Reads the calculation-relevant parts of a UBL file.
 *
 * @param file - path of an Invoice or CreditNote
 */
export function readUblForCalc(file: string): ReadDocument {
  const parsed = parser.parse(readFileSync(file, 'utf8')) as Node;
  const documentType = 'Invoice' in parsed ? 'Invoice' : 'CreditNote';
  const root = parsed[documentType] as Node;
  const lineName = documentType === 'Invoice' ? 'InvoiceLine' : 'CreditNoteLine';
  const qtyName = documentType === 'Invoice' ? 'InvoicedQuantity' : 'CreditedQuantity';
  const currency = text(root['DocumentCurrencyCode']) ?? '';
  const taxCurrency = text(root['TaxCurrencyCode']);

  const lines: Line[] = list(root, lineName).map((l) => {
    const item = child(l, 'Item') ?? {};
    const ctc = child(item, 'ClassifiedTaxCategory') ?? {};
    const price = child(l, 'Price') ?? {};
    const priceAc = list(price, 'AllowanceCharge')[0];
    const qty = child(l, qtyName);
    return {
      id: text(l['ID']) ?? '',
      quantity: must(qty, `${qtyName}`),
      unitCode: attr(qty, 'unitCode') ?? 'C62',
      netAmount: must(l['LineExtensionAmount'], 'LineExtensionAmount'),
      allowanceCharges: list(l, 'AllowanceCharge').map(allowanceCharge),
      item: {
        name: text(item['Name']) ?? '',
        classifications: [],
        attributes: [],
        vatCategory: { code: text(ctc['ID']) ?? '', ...opt('rate', dec(ctc['Percent'])) },
      },
      price: {
        netPrice: must(price['PriceAmount'], 'PriceAmount'),
        ...opt('baseQuantity', dec(price['BaseQuantity'])),
        ...opt('discount', priceAc === undefined ? undefined : dec(priceAc['Amount'])),
        ...opt('grossPrice', priceAc === undefined ? undefined : dec(priceAc['BaseAmount'])),
      },
    };
  });

  const allowanceCharges: DocumentAllowanceCharge[] = list(root, 'AllowanceCharge').map((ac) => {
    const cat = child(ac, 'TaxCategory') ?? {};
    return { ...allowanceCharge(ac), vatCategory: { code: text(cat['ID']) ?? '', ...opt('rate', dec(cat['Percent'])) } };
  });

  const taxTotals = list(root, 'TaxTotal');
  const main = taxTotals.find((t) => list(t, 'TaxSubtotal').length > 0) ?? taxTotals.find((t) => attr(t['TaxAmount'], 'currencyID') === currency);
  const accounting = taxTotals.find((t) => t !== main && taxCurrency !== undefined && attr(t['TaxAmount'], 'currencyID') === taxCurrency);
  const vatBreakdown: VatBreakdown[] = list(main, 'TaxSubtotal').map((s) => {
    const cat = child(s, 'TaxCategory') ?? {};
    return {
      taxableAmount: must(s['TaxableAmount'], 'TaxableAmount'),
      taxAmount: must(s['TaxAmount'], 'TaxAmount'),
      category: {
        code: text(cat['ID']) ?? '',
        ...opt('rate', dec(cat['Percent'])),
        ...opt('exemptionReasonCode', text(cat['TaxExemptionReasonCode'])),
        ...opt('exemptionReason', text(cat['TaxExemptionReason'])),
      },
    };
  });

  const lmt = child(root, 'LegalMonetaryTotal') ?? {};
  const totals: DocumentTotals = {
    lineNetTotal: must(lmt['LineExtensionAmount'], 'LineExtensionAmount'),
    totalWithoutVat: must(lmt['TaxExclusiveAmount'], 'TaxExclusiveAmount'),
    totalWithVat: must(lmt['TaxInclusiveAmount'], 'TaxInclusiveAmount'),
    amountDue: must(lmt['PayableAmount'], 'PayableAmount'),
    ...opt('allowanceTotal', dec(lmt['AllowanceTotalAmount'])),
    ...opt('chargeTotal', dec(lmt['ChargeTotalAmount'])),
    ...opt('paidAmount', dec(lmt['PrepaidAmount'])),
    ...opt('roundingAmount', dec(lmt['PayableRoundingAmount'])),
    ...opt('vatTotal', dec(main?.['TaxAmount'])),
    ...opt('vatTotalInAccountingCurrency', dec(accounting?.['TaxAmount'])),
  };

  const party = (name: string): Node => child(child(root, name), 'Party') ?? {};
  const vatOf = (p: Node): string | undefined =>
    text(list(p, 'PartyTaxScheme').find((s) => text(child(s, 'TaxScheme')?.['ID']) === 'VAT')?.['CompanyID']);
  const otherTaxOf = (p: Node): string | undefined =>
    text(list(p, 'PartyTaxScheme').find((s) => text(child(s, 'TaxScheme')?.['ID']) !== 'VAT')?.['CompanyID']);
  const seller = party('AccountingSupplierParty');
  const buyer = party('AccountingCustomerParty');
  const taxRep = child(root, 'TaxRepresentativeParty');
  const delivery = child(root, 'Delivery');
  const period = child(root, 'InvoicePeriod');
  const sellerTax = otherTaxOf(seller);
  const buyerLegal = text(child(buyer, 'PartyLegalEntity')?.['CompanyID']);
  const taxRepVat = taxRep === undefined ? undefined : vatOf(taxRep);
  const deliveryCountry = text(child(child(child(child(delivery, 'DeliveryLocation'), 'Address'), 'Country'), 'IdentificationCode'));

  const doc: VatCheckDocument = {
    currencyCode: currency,
    ...opt('vatAccountingCurrencyCode', taxCurrency),
    lines,
    allowanceCharges,
    vatBreakdown,
    totals,
    seller: {
      ...opt('vatIdentifier', vatOf(seller)),
      ...opt('taxRegistration', sellerTax === undefined ? undefined : { id: sellerTax }),
      postalAddress: { countryCode: text(child(child(child(seller, 'PostalAddress'), 'Country'), 'IdentificationCode')) ?? '' },
    },
    buyer: {
      ...opt('vatIdentifier', vatOf(buyer)),
      ...opt('legalRegistrationIdentifier', buyerLegal === undefined ? undefined : { id: buyerLegal }),
      postalAddress: { countryCode: text(child(child(child(buyer, 'PostalAddress'), 'Country'), 'IdentificationCode')) ?? '' },
    },
    ...opt('taxRepresentative', taxRepVat === undefined ? undefined : { vatIdentifier: taxRepVat }),
    ...opt(
      'delivery',
      delivery === undefined
        ? undefined
        : {
            ...opt('actualDeliveryDate', text(delivery['ActualDeliveryDate'])),
            ...opt('address', deliveryCountry === undefined ? undefined : { countryCode: deliveryCountry }),
          },
    ),
    ...opt(
      'invoicePeriod',
      period === undefined ? undefined : { ...opt('startDate', text(period['StartDate'])), ...opt('endDate', text(period['EndDate'])) },
    ),
  };
  return { documentType, doc };
}
