/**
 * Mutation tests for the Peppol self-billing rules: the official examples and a set of realistic
 * documents (../shared/peppol-sb/realistic), each changed in one way a real sender gets wrong —
 * a missing element, a wrong check digit, an unknown code, a type code that does not fit the
 * root, the billing CustomizationID, an empty value, a bad date — and the rule the statement
 * names must fire (with its catalogue flag) where it did not fire before the change.
 * A mutation that does not apply to a document (nothing to change) is skipped for it; each
 * mutation must apply to at least one document.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDocument } from '../../src/validate/validate.js';

const shared = resolve(process.cwd(), '../shared/peppol-sb');
const catalogue = JSON.parse(readFileSync(join(shared, 'rules.json'), 'utf8')) as { id: string; flag: string }[];
const flagOf = new Map(catalogue.map((r) => [r.id, r.flag]));

const REALISTIC = [
  'rules__national-examples__GR__GR-base-example-correct.xml',
  'rules__national-examples__NO__Norwegian-example-1.xml',
  'test__testfiles__BIS_Billing_30-Elhandel.xml',
  'test__testfiles__BIS_Billing_30-InomstatligFakturering.xml',
  'test__testfiles__CreditNote-Max_content.xml',
  'test__testfiles__Invoice-Max_content.xml',
  'ubl__examples__BIS3_Invoice_positive.xml',
  'ubl__examples__FT_G2G_TD01_con_Allegato_Bonifico_e_Split_Payment.xml',
  'ubl__examples__ubl-tc434-creditnote1.xml',
];
const documents = [
  ...readdirSync(join(shared, 'examples'))
    .filter((f) => f.endsWith('.xml'))
    .sort()
    .map((f) => ({ name: `examples/${f}`, xml: readFileSync(join(shared, 'examples', f), 'utf8') })),
  ...REALISTIC.map((f) => ({ name: `realistic/${f}`, xml: readFileSync(join(shared, 'realistic', f), 'utf8') })),
];

interface Mutation {
  readonly name: string;
  readonly rule: string;
  /** The mutated document, or undefined when the mutation does not apply. */
  readonly apply: (xml: string) => string | undefined;
}

/** Applies `replace` to the first match of `re`; undefined when there is none. */
function first(re: RegExp, replace: (m: string, ...groups: string[]) => string): (xml: string) => string | undefined {
  return (xml) => (re.test(xml) ? xml.replace(re, replace as (m: string) => string) : undefined);
}
/** Changes the last digit of a digit string to another digit. */
const otherLastDigit = (digits: string) => digits.slice(0, -1) + String((Number(digits.slice(-1)) + 1) % 10);
const isInvoice = (xml: string) => /<(\w+:)?Invoice[\s>]/.test(xml.slice(0, 2000));

const MUTATIONS: readonly Mutation[] = [
  { name: 'ProfileID removed', rule: 'PEPPOL-EN16931-R001', apply: first(/\s*<cbc:ProfileID>[^<]*<\/cbc:ProfileID>/, () => '') },
  { name: 'billing ProfileID', rule: 'PEPPOL-EN16931-R007', apply: first(/poacc:selfbilling:01:1\.0/, () => 'poacc:billing:01:1.0') },
  { name: 'billing CustomizationID', rule: 'PEPPOL-EN16931-R004', apply: first(/poacc:selfbilling:3\.0/, () => 'poacc:billing:3.0') },
  { name: 'CustomizationID with "::"', rule: 'PEPPOL-EN16931-R004', apply: first(/(poacc:selfbilling:3\.0)(<\/cbc:CustomizationID>)/, (_m, a, b) => `${a}::2.1${b}`) },
  { name: 'invoice type code 380 (billing)', rule: 'PEPPOL-EN16931-P0100', apply: first(/<cbc:InvoiceTypeCode>\s*(389|527)\s*</, () => '<cbc:InvoiceTypeCode>380<') },
  { name: 'credit note code 261 on an invoice', rule: 'PEPPOL-EN16931-P0100', apply: first(/<cbc:InvoiceTypeCode>\s*(389|527)\s*</, () => '<cbc:InvoiceTypeCode>261<') },
  { name: 'credit note type code 381 (billing)', rule: 'PEPPOL-EN16931-P0101', apply: first(/<cbc:CreditNoteTypeCode>\s*261\s*</, () => '<cbc:CreditNoteTypeCode>381<') },
  { name: 'invoice code 389 on a credit note', rule: 'PEPPOL-EN16931-P0101', apply: first(/<cbc:CreditNoteTypeCode>\s*261\s*</, () => '<cbc:CreditNoteTypeCode>389<') },
  { name: 'issue date 31 November', rule: 'PEPPOL-EN16931-F001', apply: first(/<cbc:IssueDate>(\d{4})-\d\d-\d\d</, (_m, y) => `<cbc:IssueDate>${y}-11-31<`) },
  { name: 'issue date with a time', rule: 'PEPPOL-EN16931-F001', apply: first(/<cbc:IssueDate>(\d{4}-\d\d-\d\d)</, (_m, d) => `<cbc:IssueDate>${d}T10:00:00<`) },
  { name: 'due date written day-first', rule: 'PEPPOL-EN16931-F001', apply: first(/<cbc:(DueDate|PaymentDueDate)>(\d{4})-(\d\d)-(\d\d)</, (_m, n, y, mo, d) => `<cbc:${n}>${d}.${mo}.${y}<`) },
  { name: 'buyer reference emptied', rule: 'PEPPOL-EN16931-R008', apply: first(/<cbc:BuyerReference>[^<]+<\/cbc:BuyerReference>/, () => '<cbc:BuyerReference></cbc:BuyerReference>') },
  { name: 'seller name emptied', rule: 'PEPPOL-EN16931-R008', apply: first(/<cbc:RegistrationName>[^<]+<\/cbc:RegistrationName>/, () => '<cbc:RegistrationName> </cbc:RegistrationName>') },
  {
    name: 'buyer and order reference removed',
    rule: 'PEPPOL-EN16931-R003',
    apply: (xml) => {
      const out = xml.replace(/\s*<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, '').replace(/\s*<cac:OrderReference>[\s\S]*?<\/cac:OrderReference>/, '');
      return out === xml ? undefined : out;
    },
  },
  { name: 'buyer electronic address removed', rule: 'PEPPOL-EN16931-R010', apply: first(/(<cac:AccountingCustomerParty>\s*<cac:Party>)\s*<cbc:EndpointID[^>]*>[^<]*<\/cbc:EndpointID>/, (_m, a) => a) },
  { name: 'seller electronic address removed', rule: 'PEPPOL-EN16931-R020', apply: first(/(<cac:AccountingSupplierParty>\s*<cac:Party>)\s*<cbc:EndpointID[^>]*>[^<]*<\/cbc:EndpointID>/, (_m, a) => a) },
  { name: 'electronic address scheme 9999', rule: 'PEPPOL-EN16931-CL008', apply: first(/<cbc:EndpointID schemeID="[^"]*"/, () => '<cbc:EndpointID schemeID="9999"') },
  { name: 'payable amount currency EURO', rule: 'PEPPOL-EN16931-CL007', apply: first(/<cbc:PayableAmount currencyID="[^"]*"/, () => '<cbc:PayableAmount currencyID="EURO"') },
  {
    name: 'payable amount in another currency',
    rule: 'PEPPOL-EN16931-R051',
    apply: first(/<cbc:PayableAmount currencyID="([^"]*)"/, (_m, c) => `<cbc:PayableAmount currencyID="${c === 'USD' ? 'GBP' : 'USD'}"`),
  },
  {
    name: 'VAT accounting currency equal to the document currency',
    rule: 'PEPPOL-EN16931-R005',
    apply: (xml) => {
      const currency = /<cbc:DocumentCurrencyCode[^>]*>\s*([A-Z]{3})\s*</.exec(xml)?.[1];
      if (!currency) return undefined;
      if (/<cbc:TaxCurrencyCode/.test(xml)) return xml.replace(/<cbc:TaxCurrencyCode>[^<]*</, `<cbc:TaxCurrencyCode>${currency}<`);
      return xml.replace(/(<cbc:DocumentCurrencyCode[^>]*>[^<]*<\/cbc:DocumentCurrencyCode>)/, `$1<cbc:TaxCurrencyCode>${currency}</cbc:TaxCurrencyCode>`);
    },
  },
  { name: 'VAT breakdown repeated', rule: 'PEPPOL-EN16931-R053', apply: first(/<cac:TaxTotal>(?:(?!<\/cac:TaxTotal>)[\s\S])*<cac:TaxSubtotal>[\s\S]*?<\/cac:TaxTotal>/, (m) => m + m) },
  { name: 'second document note', rule: 'PEPPOL-EN16931-R002', apply: first(/(<cbc:(?:Invoice|CreditNote)TypeCode>[^<]*<\/cbc:(?:Invoice|CreditNote)TypeCode>)/, (_m, a) => `${a}<cbc:Note>One</cbc:Note><cbc:Note>Two</cbc:Note>`) },
  {
    name: 'direct debit without mandate',
    rule: 'PEPPOL-EN16931-R061',
    apply: (xml) => {
      if (!/<cbc:PaymentMeansCode[^>]*>/.test(xml)) return undefined;
      return xml.replace(/(<cbc:PaymentMeansCode[^>]*>)[^<]*</, '$1 49<').replace(/<cac:PaymentMandate>[\s\S]*?<\/cac:PaymentMandate>/g, '');
    },
  },
  { name: 'charge indicator "1"', rule: 'PEPPOL-EN16931-R043', apply: first(/(<cac:(?:Invoice|CreditNote)Line>[\s\S]*?)?<cbc:ChargeIndicator>(true|false)</, (m) => m.replace(/<cbc:ChargeIndicator>(true|false)<$/, '<cbc:ChargeIndicator>1<')) },
  {
    name: 'line net amount raised by 100',
    rule: 'PEPPOL-EN16931-R120',
    apply: first(/(<cac:(?:Invoice|CreditNote)Line>[\s\S]*?<cbc:LineExtensionAmount[^>]*>)\s*(-?[0-9.]+)\s*</, (_m, a, v) => `${a}${(Number(v) + 100).toFixed(2)}<`),
  },
  { name: 'base quantity zero', rule: 'PEPPOL-EN16931-R121', apply: first(/(<cbc:BaseQuantity[^>]*>)[^<]*</, (_m, a) => `${a}0<`) },
  { name: 'GLN check digit changed', rule: 'PEPPOL-COMMON-R040', apply: first(/(<cbc:EndpointID schemeID="0088">)\s*(\d+)\s*</, (_m, a, d) => `${a}${otherLastDigit(d)}<`) },
  { name: 'Norwegian organisation number check digit changed', rule: 'PEPPOL-COMMON-R041', apply: first(/(schemeID="0192">)\s*(\d{9})\s*</, (_m, a, d) => `${a}${otherLastDigit(d)}<`) },
  { name: 'Danish CVR with a digit missing', rule: 'PEPPOL-COMMON-R042', apply: first(/(schemeID="0184">)\s*DK(\d{8})\s*</, (_m, a, d) => `${a}DK${d.slice(0, 7)}<`) },
  { name: 'IPA code of five characters', rule: 'PEPPOL-COMMON-R044', apply: first(/(schemeID="0201">)\s*([A-Za-z0-9]{6})\s*</, (_m, a, d) => `${a}${d.slice(0, 5)}<`) },
  { name: 'Swedish organisation number with a hyphen', rule: 'PEPPOL-COMMON-R049', apply: first(/(schemeID="0007">)\s*(\d{6})(\d{4})\s*</, (_m, a, p, q) => `${a}${p}-${q}<`) },
  { name: 'seller VAT number Dutch but malformed', rule: 'PEPPOL-COMMON-R056-2', apply: first(/(<cac:AccountingSupplierParty>[\s\S]*?<cac:PartyTaxScheme>\s*<cbc:CompanyID[^>]*>)[^<]*(<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>VAT<)/, (_m, a, b) => `${a}NL12345678${b}`) },
  {
    name: 'exemption code VATEX-EU-IC on category E',
    rule: 'PEPPOL-EN16931-P0106',
    apply: first(/<cbc:TaxExemptionReasonCode>[^<]*</, () => '<cbc:TaxExemptionReasonCode>VATEX-EU-IC<'),
  },
];

async function fired(xml: string, rule: string) {
  return (await validateDocument(xml)).issues.filter((i) => i.ruleId === rule);
}

/** Applies a mutation to the document outside its comments (commented-out elements stay as they are). */
function mutate(xml: string, m: Mutation): string | undefined {
  const comments: string[] = [];
  const hidden = xml.replace(/<!--[\s\S]*?-->/g, (c) => `<!--${comments.push(c) - 1}-->`);
  const out = m.apply(hidden);
  return out?.replace(/<!--(\d+)-->/g, (_c, i: string) => comments[Number(i)] ?? '');
}

const cases = documents.flatMap((doc) =>
  MUTATIONS.map((m) => ({ doc, m, mutated: mutate(doc.xml, m) })).filter((c): c is typeof c & { mutated: string } => c.mutated !== undefined),
);

describe('Peppol self-billing rules under mutation', () => {
  it('applies every mutation to at least one document', () => {
    for (const m of MUTATIONS) expect(cases.some((c) => c.m === m), m.name).toBe(true);
    expect(isInvoice(documents[0]?.xml ?? '')).toBe(true);
  });

  for (const { doc, m, mutated } of cases) {
    it(`${m.rule} fires on ${doc.name} after: ${m.name}`, async (ctx) => {
      const before = await fired(doc.xml, m.rule);
      // A realistic document that already breaks the rule says nothing about the mutation.
      if (before.length > 0) ctx.skip();
      const after = await fired(mutated, m.rule);
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((i) => i.severity === flagOf.get(m.rule))).toBe(true);
    });
  }
});
