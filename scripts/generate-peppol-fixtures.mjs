#!/usr/bin/env node
// Generates the Peppol rule fixtures: fixtures/valid/peppol-*.xml (official examples, some with
// added content so that a rule has something to check) and fixtures/invalid/<RULE-ID>.xml, each
// one small mutation of a valid fixture that makes exactly that rule fire (plus the companions
// named in the mutation, when a rule cannot fire alone). Every invalid fixture starts with a
// comment naming its valid counterpart and the mutation; test/rules/peppol.test.ts reads it.
// Run: node scripts/generate-peppol-fixtures.mjs. The output is committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const examples = resolve(join(here, '../../shared/peppol-sb/examples'));
const validDir = join(here, '../fixtures/valid');
const invalidDir = join(here, '../fixtures/invalid');

/** Replaces the first match of `pattern`, failing loudly when the example changed. */
function sub(xml, pattern, replacement) {
  const re = typeof pattern === 'string' ? new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : pattern;
  if (!re.test(xml)) throw new Error(`pattern not found: ${pattern}`);
  return xml.replace(re, replacement);
}
const example = (name) => readFileSync(join(examples, name), 'utf8');

// Identifiers with correct check digits, one per scheme the COMMON rules know.
const IDS = {
  '0088': '7300010000001', '0192': '974760673', '0184': 'DK12345678', '0208': '0403170701',
  '0201': 'F7VRDL', '0210': 'RSSMRA85T10A562S', '0211': 'IT02985591201', '0007': '5560125790',
  '0151': '53004085616', '0096': '1234567890', '0198': 'DK87654321', '0106': '12345678',
  '0190': '00000001234567890000', '0217': '123456789012',
};
const identification = (scheme, value) =>
  `<cac:PartyIdentification>\n                <cbc:ID schemeID="${scheme}">${value}</cbc:ID>\n            </cac:PartyIdentification>`;
const invoice = example('SB-base-example.xml');
const identifiers = sub(
  sub(
    sub(invoice, '<cbc:ID>99887766</cbc:ID>\n            </cac:PartyIdentification>', (m) =>
      `${m}\n            ${Object.entries(IDS).map(([s, v]) => identification(s, v)).join('\n            ')}`),
    '<cbc:EndpointID schemeID="0002">FR23342</cbc:EndpointID>', '<cbc:EndpointID schemeID="9944">NL123456789B01</cbc:EndpointID>'),
  '<cbc:CompanyID>GB1232434</cbc:CompanyID>', '<cbc:CompanyID>NL987654321B02</cbc:CompanyID>');
const attachment = sub(invoice, '<cac:AccountingSupplierParty>', `<cac:AdditionalDocumentReference>
        <cbc:ID>Timesheet</cbc:ID>
        <cbc:DocumentDescription>Hours worked</cbc:DocumentDescription>
        <cac:Attachment>
            <cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="hours.pdf">JVBERi0xLjQK</cbc:EmbeddedDocumentBinaryObject>
        </cac:Attachment>
    </cac:AdditionalDocumentReference>
    <cac:AccountingSupplierParty>`);

const valid = {
  'peppol-invoice.xml': invoice,
  'peppol-allowances.xml': example('SB-Allowance-example.xml'),
  'peppol-credit-note.xml': example('SB-base-creditnote-correction.xml'),
  'peppol-vat-exempt.xml': example('SB-vat-category-E.xml'),
  'peppol-vat-outside-scope.xml': example('SB-vat-category-O.xml'),
  'peppol-identifiers.xml': identifiers,
  'peppol-attachment.xml': attachment,
};

const id = (scheme, bad) => ['peppol-identifiers.xml', `${scheme} identifier "${IDS[scheme]}" replaced by "${bad}"`,
  (x) => sub(x, `schemeID="${scheme}">${IDS[scheme]}<`, `schemeID="${scheme}">${bad}<`)];
const exemption = (base, code, note) => [base, `${note}`, (x) => base === 'peppol-vat-exempt.xml'
  ? sub(x, 'VATEX-EU-F', code)
  : sub(x, '<cbc:ID>O</cbc:ID>\n                <cbc:TaxExemptionReason>', `<cbc:ID>O</cbc:ID>\n                <cbc:TaxExemptionReasonCode>${code}</cbc:TaxExemptionReasonCode>\n                <cbc:TaxExemptionReason>`)];
const LINE_PERIOD = /<cbc:StartDate>2017-12-01<\/cbc:StartDate>(\s*)<cbc:EndDate>2017-12-05<\/cbc:EndDate>/;

/** Rule id -> [valid counterpart, what the mutation does, mutation]. */
const invalid = {
  'PEPPOL-EN16931-R001': ['peppol-invoice.xml', 'ProfileID removed', (x) => sub(x, /\s*<cbc:ProfileID>[^<]*<\/cbc:ProfileID>/, '')],
  'PEPPOL-EN16931-R002': ['peppol-allowances.xml', 'a second document note', (x) => sub(x, '<cbc:Note>Please note', '<cbc:Note>Second note</cbc:Note>\n    <cbc:Note>Please note')],
  'PEPPOL-EN16931-R003': ['peppol-invoice.xml', 'BuyerReference removed (no order reference either)', (x) => sub(x, /\s*<cbc:BuyerReference>[^<]*<\/cbc:BuyerReference>/, '')],
  'PEPPOL-EN16931-R004': ['peppol-invoice.xml', 'billing CustomizationID', (x) => sub(x, 'poacc:selfbilling:3.0', 'poacc:billing:3.0')],
  'PEPPOL-EN16931-R005': ['peppol-invoice.xml', 'TaxCurrencyCode EUR (same as the document currency) with its VAT total in EUR', (x) =>
    sub(sub(x, '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>\n    <cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>'),
      '<cac:LegalMonetaryTotal>', '<cac:TaxTotal>\n        <cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>\n    </cac:TaxTotal>\n    <cac:LegalMonetaryTotal>')],
  'PEPPOL-EN16931-R007': ['peppol-invoice.xml', 'billing ProfileID', (x) => sub(x, 'poacc:selfbilling:01:1.0', 'poacc:billing:01:1.0')],
  'PEPPOL-EN16931-R008': ['peppol-invoice.xml', 'AccountingCost emptied', (x) => sub(x, '<cbc:AccountingCost>4025:123:4343</cbc:AccountingCost>', '<cbc:AccountingCost></cbc:AccountingCost>')],
  'PEPPOL-EN16931-R010': ['peppol-invoice.xml', 'buyer EndpointID removed', (x) => sub(x, /\s*<cbc:EndpointID schemeID="0002">[^<]*<\/cbc:EndpointID>/, '')],
  'PEPPOL-EN16931-R020': ['peppol-invoice.xml', 'seller EndpointID removed', (x) => sub(x, /\s*<cbc:EndpointID schemeID="0088">[^<]*<\/cbc:EndpointID>/, '')],
  'PEPPOL-EN16931-R040': ['peppol-allowances.xml', 'document charge percentage 20 -> 25 (amount stays 200 of 1000)', (x) => sub(x, '<cbc:MultiplierFactorNumeric>20</cbc:MultiplierFactorNumeric>', '<cbc:MultiplierFactorNumeric>25</cbc:MultiplierFactorNumeric>')],
  'PEPPOL-EN16931-R041': ['peppol-allowances.xml', 'document charge base amount removed', (x) => sub(x, /\s*<cbc:BaseAmount currencyID="EUR">1000<\/cbc:BaseAmount>/, '')],
  'PEPPOL-EN16931-R042': ['peppol-allowances.xml', 'document charge percentage removed', (x) => sub(x, /\s*<cbc:MultiplierFactorNumeric>20<\/cbc:MultiplierFactorNumeric>/, '')],
  'PEPPOL-EN16931-R043': ['peppol-invoice.xml', 'document charge indicator "yes"', (x) => sub(x, '<cbc:ChargeIndicator>true</cbc:ChargeIndicator>', '<cbc:ChargeIndicator>yes</cbc:ChargeIndicator>')],
  'PEPPOL-EN16931-R044': ['peppol-allowances.xml', 'price discount turned into a charge', (x) => sub(x, /<cbc:ChargeIndicator>false<\/cbc:ChargeIndicator>(\s*<cbc:Amount currencyID="EUR">40<)/, '<cbc:ChargeIndicator>true</cbc:ChargeIndicator>$1')],
  'PEPPOL-EN16931-R046': ['peppol-allowances.xml', 'gross price 450 -> 460 (net 410, discount 40)', (x) => sub(x, '<cbc:BaseAmount currencyID="EUR">450</cbc:BaseAmount>', '<cbc:BaseAmount currencyID="EUR">460</cbc:BaseAmount>')],
  'PEPPOL-EN16931-R051': ['peppol-invoice.xml', 'PayableAmount in USD', (x) => sub(x, '<cbc:PayableAmount currencyID="EUR">', '<cbc:PayableAmount currencyID="USD">')],
  'PEPPOL-EN16931-R053': ['peppol-invoice.xml', 'VAT breakdown TaxTotal repeated', (x) => sub(x, /<cac:TaxTotal>[\s\S]*?<\/cac:TaxTotal>/, (m) => `${m}\n    ${m}`)],
  'PEPPOL-EN16931-R054': ['peppol-invoice.xml', 'TaxCurrencyCode SEK without a VAT total in SEK', (x) => sub(x, '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>\n    <cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>')],
  'PEPPOL-EN16931-R055': ['peppol-allowances.xml', 'VAT total in SEK made negative', (x) => sub(x, '<cbc:TaxAmount currencyID ="SEK">9324.00<', '<cbc:TaxAmount currencyID ="SEK">-9324.00<')],
  'PEPPOL-EN16931-R061': ['peppol-invoice.xml', 'payment means 30 -> 49 (direct debit) without mandate', (x) => sub(x, '<cbc:PaymentMeansCode name="Credit transfer">30<', '<cbc:PaymentMeansCode name="Direct debit">49<')],
  'PEPPOL-EN16931-R080': ['peppol-credit-note.xml', 'two project references (document type 50)', (x) => sub(x, '<cac:AccountingSupplierParty>',
    '<cac:AdditionalDocumentReference>\n        <cbc:ID>PRJ-1</cbc:ID>\n        <cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>\n    </cac:AdditionalDocumentReference>\n    <cac:AdditionalDocumentReference>\n        <cbc:ID>PRJ-2</cbc:ID>\n        <cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>\n    </cac:AdditionalDocumentReference>\n    <cac:AccountingSupplierParty>')],
  'PEPPOL-EN16931-R100': ['peppol-invoice.xml', 'two invoiced object references on line 1', (x) => sub(x, '</cac:OrderLineReference>',
    '</cac:OrderLineReference>\n        <cac:DocumentReference>\n            <cbc:ID>OBJ-1</cbc:ID>\n            <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>\n        </cac:DocumentReference>\n        <cac:DocumentReference>\n            <cbc:ID>OBJ-2</cbc:ID>\n            <cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>\n        </cac:DocumentReference>')],
  'PEPPOL-EN16931-R101': ['peppol-invoice.xml', 'line document reference with type code 916', (x) => sub(x, '</cac:OrderLineReference>',
    '</cac:OrderLineReference>\n        <cac:DocumentReference>\n            <cbc:ID>DOC-1</cbc:ID>\n            <cbc:DocumentTypeCode>916</cbc:DocumentTypeCode>\n        </cac:DocumentReference>')],
  'PEPPOL-EN16931-R110': ['peppol-allowances.xml', 'line period starts 2017-11-30, before the invoicing period', (x) => sub(x, LINE_PERIOD, '<cbc:StartDate>2017-11-30</cbc:StartDate>$1<cbc:EndDate>2017-12-05</cbc:EndDate>')],
  'PEPPOL-EN16931-R111': ['peppol-allowances.xml', 'line period ends 2018-01-05, after the invoicing period', (x) => sub(x, LINE_PERIOD, '<cbc:StartDate>2017-12-01</cbc:StartDate>$1<cbc:EndDate>2018-01-05</cbc:EndDate>')],
  'PEPPOL-EN16931-R120': ['peppol-invoice.xml', 'line 1 net amount 2800 -> 2900', (x) => sub(x, '<cbc:LineExtensionAmount currencyID= "EUR">2800<', '<cbc:LineExtensionAmount currencyID= "EUR">2900<')],
  'PEPPOL-EN16931-R121': ['peppol-allowances.xml', 'base quantity 1 -> 0', (x) => sub(x, '<cbc:BaseQuantity unitCode="C62">1</cbc:BaseQuantity>', '<cbc:BaseQuantity unitCode="C62">0</cbc:BaseQuantity>')],
  'PEPPOL-EN16931-R130': ['peppol-allowances.xml', 'base quantity unit C62 -> KGM', (x) => sub(x, '<cbc:BaseQuantity unitCode="C62">1<', '<cbc:BaseQuantity unitCode="KGM">1<')],
  'PEPPOL-EN16931-CL001': ['peppol-attachment.xml', 'attachment MIME code image/tiff', (x) => sub(x, 'mimeCode="application/pdf"', 'mimeCode="image/tiff"')],
  'PEPPOL-EN16931-CL002': ['peppol-allowances.xml', 'allowance reason code 95 -> 999', (x) => sub(x, '<cbc:AllowanceChargeReasonCode>95<', '<cbc:AllowanceChargeReasonCode>999<')],
  'PEPPOL-EN16931-CL003': ['peppol-allowances.xml', 'charge reason code CG -> XYZ', (x) => sub(x, '<cbc:AllowanceChargeReasonCode>CG<', '<cbc:AllowanceChargeReasonCode>XYZ<')],
  'PEPPOL-EN16931-CL006': ['peppol-invoice.xml', 'invoicing period with description code 99', (x) => sub(x, '<cac:AccountingSupplierParty>', '<cac:InvoicePeriod>\n        <cbc:DescriptionCode>99</cbc:DescriptionCode>\n    </cac:InvoicePeriod>\n    <cac:AccountingSupplierParty>')],
  'PEPPOL-EN16931-CL007': ['peppol-invoice.xml', 'ChargeTotalAmount currency EUX (R051 fires too: the currency also differs from BT-5)', (x) => sub(x, '<cbc:ChargeTotalAmount currencyID="EUR">', '<cbc:ChargeTotalAmount currencyID="EUX">')],
  'PEPPOL-EN16931-CL008': ['peppol-invoice.xml', 'buyer electronic address scheme 9958', (x) => sub(x, '<cbc:EndpointID schemeID="0002">', '<cbc:EndpointID schemeID="9958">')],
  'PEPPOL-EN16931-P0100': ['peppol-invoice.xml', 'invoice type code 380 (billing)', (x) => sub(x, '<cbc:InvoiceTypeCode>389<', '<cbc:InvoiceTypeCode>380<')],
  'PEPPOL-EN16931-P0101': ['peppol-credit-note.xml', 'credit note type code 381 (billing)', (x) => sub(x, '<cbc:CreditNoteTypeCode>261<', '<cbc:CreditNoteTypeCode>381<')],
  'PEPPOL-EN16931-F001': ['peppol-invoice.xml', 'issue date 2017-11-31', (x) => sub(x, '<cbc:IssueDate>2017-11-13<', '<cbc:IssueDate>2017-11-31<')],
  'PEPPOL-EN16931-P0104': exemption('peppol-vat-exempt.xml', 'VATEX-EU-G', 'category E with exemption code VATEX-EU-G'),
  'PEPPOL-EN16931-P0105': exemption('peppol-vat-exempt.xml', 'VATEX-EU-O', 'category E with exemption code VATEX-EU-O'),
  'PEPPOL-EN16931-P0106': exemption('peppol-vat-exempt.xml', 'VATEX-EU-IC', 'category E with exemption code VATEX-EU-IC'),
  'PEPPOL-EN16931-P0107': exemption('peppol-vat-exempt.xml', 'VATEX-EU-AE', 'category E with exemption code VATEX-EU-AE'),
  'PEPPOL-EN16931-P0108': exemption('peppol-vat-outside-scope.xml', 'VATEX-EU-D', 'category O with exemption code VATEX-EU-D'),
  'PEPPOL-EN16931-P0109': exemption('peppol-vat-outside-scope.xml', 'VATEX-EU-F', 'category O with exemption code VATEX-EU-F'),
  'PEPPOL-EN16931-P0110': exemption('peppol-vat-outside-scope.xml', 'VATEX-EU-I', 'category O with exemption code VATEX-EU-I'),
  'PEPPOL-EN16931-P0111': exemption('peppol-vat-outside-scope.xml', 'VATEX-EU-J', 'category O with exemption code VATEX-EU-J'),
  'PEPPOL-COMMON-R040': id('0088', '7300010000002'),
  'PEPPOL-COMMON-R041': id('0192', '974760674'),
  'PEPPOL-COMMON-R042': id('0184', 'DK1234567'),
  'PEPPOL-COMMON-R043': id('0208', '0403170702'),
  'PEPPOL-COMMON-R044': id('0201', 'F7VRD'),
  'PEPPOL-COMMON-R045': id('0210', 'RSSMRA85T10A5621'),
  'PEPPOL-COMMON-R046': ['peppol-identifiers.xml', 'buyer electronic address scheme 9907 with a malformed tax code (CL008 fires too: 9907 is not an EAS code)', (x) =>
    sub(x, '<cbc:EndpointID schemeID="9944">NL123456789B01</cbc:EndpointID>', '<cbc:EndpointID schemeID="9907">RSSMRA85T10</cbc:EndpointID>')],
  'PEPPOL-COMMON-R047': id('0211', 'IT02985591202'),
  'PEPPOL-COMMON-R049': id('0007', '556012-5790'),
  'PEPPOL-COMMON-R050': id('0151', '53004085617'),
  'PEPPOL-COMMON-R052': id('0096', 'DK12345678'),
  'PEPPOL-COMMON-R053': id('0198', '87654321'),
  'PEPPOL-COMMON-R054': id('0106', 'KVK12345678'),
  'PEPPOL-COMMON-R055': id('0190', '1234567890'),
  'PEPPOL-COMMON-R056-1': ['peppol-identifiers.xml', 'buyer electronic address 9944 "NL123456789B01" -> "NL123456789"', (x) => sub(x, '>NL123456789B01<', '>NL123456789<')],
  'PEPPOL-COMMON-R056-2': ['peppol-identifiers.xml', 'seller VAT identifier "NL987654321B02" -> "NL98765432"', (x) => sub(x, '>NL987654321B02<', '>NL98765432<')],
  'PEPPOL-COMMON-R057': id('0217', '12345678901'),
};

mkdirSync(validDir, { recursive: true });
mkdirSync(invalidDir, { recursive: true });
for (const [name, xml] of Object.entries(valid)) writeFileSync(join(validDir, name), xml);
for (const [rule, [base, what, mutate]] of Object.entries(invalid)) {
  const source = valid[base];
  if (source === undefined) throw new Error(`${rule}: unknown base ${base}`);
  const mutated = mutate(source);
  if (mutated === source) throw new Error(`${rule}: the mutation changed nothing`);
  const comment = `<!-- GENERATED by scripts/generate-peppol-fixtures.mjs. Fires ${rule}. Valid counterpart: fixtures/valid/${base}. Mutation: ${what.replace(/--/g, '-')}. -->\n`;
  writeFileSync(join(invalidDir, `${rule}.xml`), mutated.replace(/^(<\?xml[^>]*\?>\s*)?/, (decl) => `${decl ?? ''}${comment}`));
}
console.log(`wrote ${Object.keys(valid).length} valid and ${Object.keys(invalid).length} invalid fixtures`);
