/**
 * Model documents written by hand for the serializer tests: a full-content invoice that
 * uses every field of the model, a minimal invoice, a credit note with a due date and a
 * project reference (both placed differently in a CreditNote), and a debit note (527).
 */
import { SelfBilledDocumentSchema, type SelfBilledDocument, type SelfBilledDocumentInput } from '../../../src/model/document.js';

const S25 = { code: 'S', rate: '25' } as const;

/** Every field of the model is set at least once; text with markup characters and non-ASCII. */
export const FULL_INVOICE_INPUT: SelfBilledDocumentInput = {
  documentType: 'Invoice',
  typeCode: '389',
  customizationId: 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:selfbilling:3.0',
  profileId: 'urn:fdc:peppol.eu:2017:poacc:selfbilling:01:1.0',
  invoiceNumber: 'SB-2024-0042',
  issueDate: '2024-03-31',
  dueDate: '2024-04-30',
  notes: ['Self-billed under agreement SBA-7 & annex <B>', 'Zweite Notiz: Grüße 🚚'],
  taxPointDate: '2024-03-31',
  currencyCode: 'EUR',
  vatAccountingCurrencyCode: 'SEK',
  buyerAccountingReference: '4025:123:4343',
  buyerReference: 'REF-0150abc',
  invoicePeriod: { startDate: '2024-03-01', endDate: '2024-03-31', vatPointDateCode: '3' },
  orderReference: { id: 'PO-4711', salesOrderId: 'SO-12' },
  precedingInvoices: [
    { id: 'SB-2024-0031', issueDate: '2024-02-29' },
    { id: 'SB-2024-0017' },
  ],
  despatchAdviceReference: 'DESADV-88',
  receivingAdviceReference: 'RECADV-91',
  tenderOrLotReference: 'LOT-3',
  contractReference: 'SBA-7',
  invoicedObject: { id: 'METER-778899', schemeId: 'AUN' },
  supportingDocuments: [
    {
      id: 'timesheet-3',
      description: 'Hours March',
      attachment: { content: 'aG91cnM7MTAK', mimeCode: 'text/csv', filename: 'hours.csv' },
      externalUri: 'https://example.com/ts3?a=1&b=2',
    },
    { id: 'delivery-note-9' },
  ],
  projectReference: 'PROJ-ALPHA',
  seller: {
    endpoint: { id: '7300010000001', schemeId: '0088' },
    identifiers: [
      { id: '7300010000001', schemeId: '0088' },
      { id: 'DE98ZZZ09999999999', schemeId: 'SEPA' },
      { id: 'SUP-77' },
    ],
    tradingName: 'Lieferant & Söhne',
    postalAddress: {
      line1: 'Hauptstraße 1',
      line2: 'Hinterhaus',
      line3: '3. OG',
      city: 'München',
      postCode: '80331',
      countrySubdivision: 'Bayern',
      countryCode: 'DE',
    },
    vatIdentifier: 'DE123456789',
    taxRegistration: { id: '143/123/45678', taxScheme: 'TAX' },
    name: 'Lieferant & Söhne <GmbH> "Nord"',
    legalRegistrationIdentifier: { id: 'HRB 12345', schemeId: '0204' },
    additionalLegalInformation: 'Geschäftsführer: A. Muster',
    contact: { name: 'Anna Muster', telephone: '+49 89 123456', email: 'anna@lieferant.example' },
  },
  buyer: {
    endpoint: { id: '0192:987654321', schemeId: '0192' },
    identifiers: [{ id: '987654321', schemeId: '0192' }],
    tradingName: 'Kunde AS',
    postalAddress: {
      line1: 'Storgata 5',
      line2: 'Postboks 12',
      line3: 'Bygg C',
      city: 'Oslo',
      postCode: '0155',
      countrySubdivision: 'Oslo',
      countryCode: 'NO',
    },
    vatIdentifier: 'NO987654321MVA',
    name: 'Kunde AS',
    legalRegistrationIdentifier: { id: '987654321', schemeId: '0192' },
    contact: { name: 'Ola Nordmann', telephone: '+47 22 00 00 00', email: 'ola@kunde.example' },
  },
  payee: {
    identifiers: [{ id: 'DE98ZZZ09999999999', schemeId: 'SEPA' }],
    name: 'Factoring AG',
    legalRegistrationIdentifier: { id: 'HRB 99999', schemeId: '0204' },
  },
  taxRepresentative: {
    name: 'Steuervertreter GmbH',
    postalAddress: {
      line1: 'Ring 2',
      line2: 'Eingang B',
      line3: 'Zimmer 4',
      city: 'Berlin',
      postCode: '10115',
      countrySubdivision: 'Berlin',
      countryCode: 'DE',
    },
    vatIdentifier: 'DE999888777',
  },
  delivery: {
    actualDeliveryDate: '2024-03-15',
    locationIdentifier: { id: '7300010000099', schemeId: '0088' },
    address: {
      line1: 'Lagerweg 3',
      line2: 'Tor 4',
      line3: 'Rampe 2',
      city: 'Drammen',
      postCode: '3015',
      countrySubdivision: 'Buskerud',
      countryCode: 'NO',
    },
    partyName: 'Lager Drammen',
  },
  paymentInstructions: [
    {
      typeCode: '30',
      typeText: 'Credit transfer',
      remittanceInformation: 'SB-2024-0042',
      creditTransfer: { accountId: 'DE89370400440532013000', accountName: 'Lieferant & Söhne', serviceProviderId: 'COBADEFFXXX' },
    },
    { typeCode: '48', typeText: 'Bank card', card: { primaryAccountNumber: '1234', networkId: 'VISA', holderName: 'A. Muster' } },
    { typeCode: '59', directDebit: { mandateReference: 'MANDATE-7', debitedAccountId: 'NO9386011117947' } },
  ],
  paymentTerms: 'Payment within 30 days, 2% discount within 10 days',
  allowanceCharges: [
    { kind: 'allowance', reasonCode: '95', reason: 'Discount', amount: '10.00', vatCategory: S25 },
    { kind: 'charge', reasonCode: 'FC', reason: 'Freight', percentage: '1', amount: '5.00', baseAmount: '500.00', vatCategory: S25 },
  ],
  vatBreakdown: [
    { taxableAmount: '465.00', taxAmount: '116.25', category: { code: 'S', rate: '25' } },
    { taxableAmount: '100.00', taxAmount: '0.00', category: { code: 'Z', rate: '0' } },
    {
      taxableAmount: '30.00',
      taxAmount: '0.00',
      category: { code: 'E', rate: '0', exemptionReasonCode: 'VATEX-EU-132', exemptionReason: 'Exempt (art. 132)' },
    },
  ],
  totals: {
    lineNetTotal: '600.00',
    totalWithoutVat: '595.00',
    totalWithVat: '711.25',
    allowanceTotal: '10.00',
    chargeTotal: '5.00',
    vatTotal: '116.25',
    vatTotalInAccountingCurrency: '1325.00',
    paidAmount: '100.00',
    roundingAmount: '0.25',
    amountDue: '611.50',
  },
  lines: [
    {
      id: '1',
      note: 'Consulting, week 10-13',
      quantity: '10',
      unitCode: 'HUR',
      netAmount: '470.00',
      buyerAccountingReference: 'ACC-1',
      period: { startDate: '2024-03-04', endDate: '2024-03-29' },
      orderLineReference: '10',
      objectIdentifier: { id: 'TS-3-L1', schemeId: 'AUN' },
      allowanceCharges: [
        { kind: 'allowance', reasonCode: '95', reason: 'Volume discount', percentage: '10', amount: '50.00', baseAmount: '500.00' },
        { kind: 'charge', reasonCode: 'FC', reason: 'Travel', amount: '20.00' },
      ],
      item: {
        description: 'Senior consultant <level 3>',
        name: 'Consulting hours',
        buyersIdentifier: 'B-CONS',
        sellersIdentifier: 'S-CONS',
        standardIdentifier: { id: '4012345678901', schemeId: '0160' },
        originCountry: 'DE',
        classifications: [
          { code: '72224000', listId: 'STI', listVersionId: '2008' },
          { code: '86776', listId: 'MP' },
        ],
        vatCategory: S25,
        attributes: [
          { name: 'Level', value: 'Senior' },
          { name: 'Remote', value: 'yes' },
        ],
      },
      price: { netPrice: '50.00', baseQuantity: '1', baseQuantityUnitCode: 'HUR', discount: '5.00', grossPrice: '55.00' },
    },
    {
      id: '2',
      quantity: '2.500',
      unitCode: 'KGM',
      netAmount: '100.00',
      item: { name: 'Books', vatCategory: { code: 'Z', rate: '0' } },
      // Only the gross price: the price allowance amount is 44.50 - 40.00 = 4.5.
      price: { netPrice: '40.00', grossPrice: '44.50' },
    },
    {
      id: '3',
      quantity: '1',
      unitCode: 'C62',
      netAmount: '30.00',
      item: { name: 'Training', vatCategory: { code: 'E', rate: '0' } },
      price: { netPrice: '30.00', discount: '3.00' },
    },
  ],
};

/** Only what the model requires. */
export const MINIMAL_INVOICE_INPUT: SelfBilledDocumentInput = {
  documentType: 'Invoice',
  typeCode: '389',
  invoiceNumber: 'SB-1',
  issueDate: '2024-01-31',
  currencyCode: 'EUR',
  seller: { endpoint: { id: '7300010000001', schemeId: '0088' }, postalAddress: { countryCode: 'SE' }, name: 'Seller AB' },
  buyer: { endpoint: { id: '7300010000002', schemeId: '0088' }, postalAddress: { countryCode: 'SE' }, name: 'Buyer AB' },
  totals: { lineNetTotal: '100', totalWithoutVat: '100', totalWithVat: '100', amountDue: '100' },
  lines: [
    {
      id: '1',
      quantity: '1',
      unitCode: 'C62',
      netAmount: '100',
      item: { name: 'Service', vatCategory: { code: 'O' } },
      price: { netPrice: '100' },
    },
  ],
};

/**
 * A credit note crediting an earlier self-billed invoice; its BT-9 goes into the first
 * PaymentMeans and its BT-11 into an AdditionalDocumentReference (type code 50), between
 * the invoiced object (130) and the supporting documents; BT-17 comes after them.
 */
export const CREDIT_NOTE_INPUT: SelfBilledDocumentInput = {
  documentType: 'CreditNote',
  typeCode: '261',
  invoiceNumber: 'SBC-2024-0003',
  issueDate: '2024-04-05',
  dueDate: '2024-04-20',
  notes: ['Credit for returned goods'],
  taxPointDate: '2024-04-05',
  currencyCode: 'SEK',
  buyerReference: 'REF-9',
  precedingInvoices: [{ id: 'SB-2024-0042', issueDate: '2024-03-31' }],
  tenderOrLotReference: 'LOT-3',
  contractReference: 'SBA-7',
  invoicedObject: { id: 'METER-1' },
  supportingDocuments: [{ id: 'return-note-1', externalUri: 'https://example.com/r1' }],
  projectReference: 'PROJ-ALPHA',
  seller: {
    endpoint: { id: '7300010000001', schemeId: '0088' },
    postalAddress: { city: 'Göteborg', countryCode: 'SE' },
    vatIdentifier: 'SE556677889901',
    name: 'Leverantör AB',
  },
  buyer: {
    endpoint: { id: '7300010000002', schemeId: '0088' },
    postalAddress: { city: 'Stockholm', countryCode: 'SE' },
    vatIdentifier: 'SE556600112201',
    name: 'Kund AB',
  },
  paymentInstructions: [
    { typeCode: '30', remittanceInformation: 'SBC-2024-0003', creditTransfer: { accountId: 'SE4550000000058398257466' } },
    { typeCode: '58', creditTransfer: { accountId: 'SE7280000810340009783242' } },
  ],
  vatBreakdown: [{ taxableAmount: '200.00', taxAmount: '50.00', category: { code: 'S', rate: '25.0' } }],
  totals: { lineNetTotal: '200.00', totalWithoutVat: '200.00', totalWithVat: '250.00', vatTotal: '50.00', amountDue: '250.00' },
  lines: [
    {
      id: '1',
      quantity: '4',
      unitCode: 'C62',
      netAmount: '200.00',
      item: { name: 'Returned widget', vatCategory: { code: 'S', rate: '25.0' } },
      price: { netPrice: '50.00' },
    },
  ],
};

/** A self-billed debit note (527): an extra charge on an earlier invoice. */
export const DEBIT_NOTE_INPUT: SelfBilledDocumentInput = {
  documentType: 'Invoice',
  typeCode: '527',
  invoiceNumber: 'SBD-2024-0001',
  issueDate: '2024-04-10',
  dueDate: '2024-05-10',
  currencyCode: 'EUR',
  precedingInvoices: [{ id: 'SB-2024-0042', issueDate: '2024-03-31' }],
  seller: {
    endpoint: { id: 'DE123456789', schemeId: '9930' },
    postalAddress: { countryCode: 'DE' },
    vatIdentifier: 'DE123456789',
    name: 'Lieferant GmbH',
  },
  buyer: { endpoint: { id: '987654321', schemeId: '0192' }, postalAddress: { countryCode: 'NO' }, name: 'Kunde AS' },
  paymentInstructions: [{ typeCode: '30', creditTransfer: { accountId: 'DE89370400440532013000' } }],
  allowanceCharges: [{ kind: 'charge', reason: 'Late delivery surcharge', amount: '15.00', vatCategory: S25 }],
  vatBreakdown: [{ taxableAmount: '75.00', taxAmount: '18.75', category: { code: 'S', rate: '25' } }],
  totals: {
    lineNetTotal: '60.00',
    totalWithoutVat: '75.00',
    totalWithVat: '93.75',
    chargeTotal: '15.00',
    vatTotal: '18.75',
    amountDue: '93.75',
  },
  lines: [
    {
      id: '1',
      quantity: '3',
      unitCode: 'DAY',
      netAmount: '60.00',
      item: { name: 'Additional days', vatCategory: S25 },
      price: { netPrice: '20.00' },
    },
  ],
};

/**
 * Parses fixture input with the model schema (amounts become Decimals with their written scale).
 *
 * @param input - fixture input
 * @returns the model document
 * @example
 * const doc = build(FULL_INVOICE_INPUT);
 */
export function build(input: SelfBilledDocumentInput): SelfBilledDocument {
  return SelfBilledDocumentSchema.parse(input) as SelfBilledDocument;
}

/** The four fixtures by golden file name. */
export const FIXTURES: Readonly<Record<string, SelfBilledDocumentInput>> = {
  'full-invoice': FULL_INVOICE_INPUT,
  'minimal-invoice': MINIMAL_INVOICE_INPUT,
  'credit-note': CREDIT_NOTE_INPUT,
  'debit-note': DEBIT_NOTE_INPUT,
};

/**
 * A large invoice for timing: `count` lines of realistic content (item ids, a line
 * allowance, a price with base quantity and discount, two attributes).
 *
 * @param count - the number of lines
 * @returns the model document
 * @example
 * const doc = largeInvoice(1000);
 */
export function largeInvoice(count: number): SelfBilledDocument {
  const lines = Array.from({ length: count }, (_, i) => ({
    id: String(i + 1),
    note: `Line ${i + 1} & more`,
    quantity: '2',
    unitCode: 'C62',
    netAmount: '18.00',
    orderLineReference: String(i + 1),
    allowanceCharges: [{ kind: 'allowance' as const, reasonCode: '95', amount: '2.00' }],
    item: {
      description: `Widget type ${i % 7}`,
      name: 'Widget',
      sellersIdentifier: `W-${i}`,
      standardIdentifier: { id: '4012345678901', schemeId: '0160' },
      classifications: [{ code: '86776', listId: 'MP' }],
      vatCategory: S25,
      attributes: [{ name: 'Colour', value: 'blue' }, { name: 'Size', value: 'L' }],
    },
    price: { netPrice: '10.00', baseQuantity: '1', baseQuantityUnitCode: 'C62', discount: '1.00', grossPrice: '11.00' },
  }));
  const net = (18 * count).toFixed(2);
  const vat = (4.5 * count).toFixed(2);
  const gross = (22.5 * count).toFixed(2);
  return build({
    ...FULL_INVOICE_INPUT,
    allowanceCharges: [],
    vatBreakdown: [{ taxableAmount: net, taxAmount: vat, category: { code: 'S', rate: '25' } }],
    totals: { lineNetTotal: net, totalWithoutVat: net, totalWithVat: gross, vatTotal: vat, amountDue: gross },
    lines,
  });
}
