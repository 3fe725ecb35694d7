/**
 * Fixtures of the UBL syntax rules of the EN 16931 binding (schematron/ubl-syntax.sch): for
 * every catalogue rule UBL-SR-* and UBL-DT-*, fixtures/invalid/<RULE-ID>.xml fires the rule with
 * the catalogue's flag, the valid counterpart fixtures/valid/ubl-syntax-invoice.xml does not, and
 * no other syntax rule fires on the invalid fixture except the companions listed below. Then the
 * readings of the binding that are easy to get wrong, each pinned on a small edit of the valid
 * fixture, and a mutation suite over the official examples and realistic documents of
 * ../shared/peppol-sb: an element the binding allows once is written twice, a required part is
 * dropped, an amount gets a third decimal, an attribute the binding does not use is added. The
 * rule the mutation breaks must start firing, and no other syntax rule may start firing except
 * the companions named with the mutation. A mutation that does not apply to a document (the
 * element is absent) is skipped for it; every mutation must apply to at least one document.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseDocumentNames, scopedRules } from '../helpers/rule-scope.js';
import { validateAgainstUblXsd } from '../helpers/xsd.js';

const shared = resolve(process.cwd(), '../shared/peppol-sb');
const catalogue = JSON.parse(readFileSync(join(shared, 'rules.json'), 'utf8')) as { id: string; flag: string; source: string }[];
const MINE = /^UBL-(SR|DT)-\d\d$/;
const rules = catalogue.filter((r) => r.source.startsWith('CEN') && MINE.test(r.id));
const mine = new Set(rules.map((r) => r.id));

/** Rules that necessarily fire with the one under test on its invalid fixture, and why. */
const COMPANIONS: Readonly<Record<string, readonly string[]>> = {
  // Three tax schemes with an identifier each: two of them are VAT, or two are not (UBL-SR-13 here).
  'UBL-SR-42': ['UBL-SR-13'],
};

const fixtures = resolve(process.cwd(), 'fixtures');
const read = (dir: string, name: string) => readFileSync(join(fixtures, dir, name), 'utf8');
const VALID = 'ubl-syntax-invoice.xml';

/** The built-in rule sets holding these rules (the others are not needed here and cost time). */
const scope = scopedRules(mine);
const myIssues = scope.issues;
async function fired(xml: string): Promise<string[]> {
  return [...new Set((await myIssues(xml)).map((i) => i.ruleId))].sort();
}

/** The valid fixture with `from` (which must occur) replaced by `to`, first occurrence only. */
function edit(from: string, to: string, xml = read('valid', VALID)): string {
  expect(xml.includes(from), from).toBe(true);
  return xml.replace(from, to);
}

describe('UBL syntax rules (UBL-SR, UBL-DT)', () => {
  it('cover every catalogue rule of their scope (78 rules)', () => {
    expect(rules.length).toBe(78);
    const implemented = new Map(scope.ruleSets().flatMap((s) => s.metadata.rules.map((r) => [r.id, r.flag] as const)));
    for (const r of rules) expect(implemented.get(r.id), r.id).toBe(r.flag);
  });

  it('have a fixture for every rule and no fixture without a rule', () => {
    const files = readdirSync(join(fixtures, 'invalid')).filter((f) => MINE.test(f.replace(/\.xml$/, '')));
    expect(files.map((f) => f.replace(/\.xml$/, '')).sort()).toEqual([...mine].sort());
  });

  it(`find nothing in the valid fixture ${VALID}, which is UBL 2.1 XSD-valid`, async () => {
    const xml = read('valid', VALID);
    expect(await myIssues(xml)).toEqual([]);
    expect((await validateAgainstUblXsd(xml, 'Invoice')).errors).toEqual([]);
  });

  for (const { id, flag } of rules) {
    it(`${id} fires as ${flag} on fixtures/invalid/${id}.xml and not on fixtures/valid/${VALID}`, async () => {
      expect(existsSync(join(fixtures, 'invalid', `${id}.xml`))).toBe(true);
      const issues = await myIssues(read('invalid', `${id}.xml`));
      const own = issues.filter((i) => i.ruleId === id);
      expect(own.length).toBeGreaterThan(0);
      expect(own.every((i) => i.severity === flag)).toBe(true);
      expect([...new Set(issues.map((i) => i.ruleId))].sort()).toEqual([id, ...(COMPANIONS[id] ?? [])].sort());
      expect((await myIssues(read('valid', VALID))).filter((i) => i.ruleId === id)).toEqual([]);
    });
  }
});

describe('UBL syntax rules read as the binding does', () => {
  it('UBL-DT-01 accepts four decimals in a unit price (BT-146) and in the amounts of a price discount (BT-147, BT-148)', async () => {
    let xml = edit('<cbc:PriceAmount currencyID="EUR">410</cbc:PriceAmount>', '<cbc:PriceAmount currencyID="EUR">410.0000</cbc:PriceAmount>');
    xml = edit('<cbc:Amount currencyID="EUR">40</cbc:Amount>', '<cbc:Amount currencyID="EUR">40.0000</cbc:Amount>', xml);
    xml = edit('<cbc:BaseAmount currencyID="EUR">450</cbc:BaseAmount>', '<cbc:BaseAmount currencyID="EUR">450.0000</cbc:BaseAmount>', xml);
    expect(await fired(xml)).toEqual([]);
  });

  it('UBL-DT-01 fires once per amount with more than two decimals, wherever it stands', async () => {
    let xml = edit('<cbc:LineExtensionAmount currencyID="EUR">4000.00</cbc:LineExtensionAmount>', '<cbc:LineExtensionAmount currencyID="EUR">4000.000</cbc:LineExtensionAmount>');
    xml = edit('<cbc:PayableAmount currencyID="EUR">6125.00</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="EUR">6125.001</cbc:PayableAmount>', xml);
    const issues = (await myIssues(xml)).filter((i) => i.ruleId === 'UBL-DT-01');
    expect(issues).toHaveLength(2);
  });

  it('UBL-SR-44 and UBL-SR-47 accept the same remittance information and code repeated in several payment means', async () => {
    const xml = edit(
      '    <cac:PaymentTerms>',
      '    <cac:PaymentMeans>\n        <cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>\n        <cbc:PaymentID>Snippet1</cbc:PaymentID>\n    </cac:PaymentMeans>\n    <cac:PaymentTerms>',
    );
    expect(await fired(xml)).toEqual([]);
  });

  it('UBL-SR-29 counts SEPA creditor references in the lines too', async () => {
    let xml = edit('<cbc:ID>99887766</cbc:ID>', '<cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID>');
    expect(await fired(xml)).toEqual([]);
    xml = edit(
      '            <cac:SellersItemIdentification>\n                <cbc:ID>97iugug876</cbc:ID>',
      '            <cac:ManufacturerParty>\n                <cac:PartyIdentification>\n                    <cbc:ID schemeID="SEPA">DE98ZZZ09999999998</cbc:ID>\n                </cac:PartyIdentification>\n            </cac:ManufacturerParty>\n            <cac:SellersItemIdentification>\n                <cbc:ID>97iugug876</cbc:ID>',
      xml,
    );
    expect(await fired(xml)).toEqual(['UBL-SR-29']);
  });

  it('UBL-SR-42 counts the tax schemes of each seller party on its own', async () => {
    const schemes = (n: number) =>
      Array.from({ length: n }, (_, i) => `<cac:PartyTaxScheme><cbc:CompanyID>X${i}</cbc:CompanyID><cac:TaxScheme><cbc:ID>${i === 0 ? 'VAT' : 'FC'}</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>`).join('');
    const party = (n: number) => `<cac:AccountingSupplierParty><cac:Party>${schemes(n)}</cac:Party></cac:AccountingSupplierParty>`;
    const twoParties = edit('    <cac:AccountingCustomerParty>', `${party(2)}\n    <cac:AccountingCustomerParty>`);
    expect(await fired(twoParties)).not.toContain('UBL-SR-42');
  });

  it('UBL-SR-13 counts the identifier of a tax scheme without identifier as a tax registration identifier (BT-32)', async () => {
    const xml = edit(
      '<cbc:CompanyID>GB1232434</cbc:CompanyID>\n                <cac:TaxScheme>\n                    <cbc:ID>VAT</cbc:ID>\n                </cac:TaxScheme>',
      '<cbc:CompanyID>GB1232434</cbc:CompanyID>\n                <cac:TaxScheme>\n                    <cbc:ID>VAT</cbc:ID>\n                </cac:TaxScheme>\n            </cac:PartyTaxScheme>\n            <cac:PartyTaxScheme>\n                <cbc:CompanyID>A</cbc:CompanyID>\n                <cac:TaxScheme/>\n            </cac:PartyTaxScheme>\n            <cac:PartyTaxScheme>\n                <cbc:CompanyID>B</cbc:CompanyID>\n                <cac:TaxScheme/>',
    );
    expect(await fired(xml)).toContain('UBL-SR-13');
  });

  it('UBL-SR-23 stays silent on two VAT identifiers directly in the tax representative, as the binding (BR-56 is the rule that matters there)', async () => {
    const xml = edit('<cbc:CompanyID>SE556677889901</cbc:CompanyID>', '<cbc:CompanyID>SE556677889901</cbc:CompanyID>\n            <cbc:CompanyID>SE556677889902</cbc:CompanyID>');
    expect(await fired(xml)).toEqual([]);
  });

  it('UBL-SR-43 accepts document type code 50 in a credit note only', async () => {
    const invoice = edit('<cbc:ID>ts12345</cbc:ID>', '<cbc:ID>ts12345</cbc:ID>\n        <cbc:DocumentTypeCode>50</cbc:DocumentTypeCode>');
    expect(await fired(invoice)).toEqual(['UBL-SR-43']);
    const creditNote = invoice
      .replace('urn:oasis:names:specification:ubl:schema:xsd:Invoice-2', 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2')
      .replace('<Invoice ', '<CreditNote ')
      .replace('</Invoice>', '</CreditNote>');
    expect(creditNote).toContain('<CreditNote xmlns:cac');
    expect(await fired(creditNote)).not.toContain('UBL-SR-43');
  });

  it('UBL-SR-30 and UBL-SR-31 tell allowance from charge as the binding does: indicators in order as xs:boolean, allowance first', async () => {
    const charge = (indicators: string) =>
      edit(
        '<cbc:ChargeIndicator>true</cbc:ChargeIndicator>\n        <cbc:AllowanceChargeReasonCode>CG</cbc:AllowanceChargeReasonCode>\n        <cbc:AllowanceChargeReason>Cleaning</cbc:AllowanceChargeReason>',
        `${indicators}\n        <cbc:AllowanceChargeReasonCode>CG</cbc:AllowanceChargeReasonCode>\n        <cbc:AllowanceChargeReason>Cleaning</cbc:AllowanceChargeReason>\n        <cbc:AllowanceChargeReason>Again</cbc:AllowanceChargeReason>`,
      );
    const sr = async (xml: string) => (await fired(xml)).filter((id) => id === 'UBL-SR-30' || id === 'UBL-SR-31');
    expect(await sr(charge('<cbc:ChargeIndicator> 1 </cbc:ChargeIndicator>'))).toEqual(['UBL-SR-31']);
    // Two indicators: one of them false makes it an allowance, checked as an allowance only.
    expect(await sr(charge('<cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:ChargeIndicator>false</cbc:ChargeIndicator>'))).toEqual(['UBL-SR-30']);
    // A value that is not a boolean ends the comparison: neither allowance nor charge.
    expect(await sr(charge('<cbc:ChargeIndicator>yes</cbc:ChargeIndicator><cbc:ChargeIndicator>true</cbc:ChargeIndicator>'))).toEqual([]);
    expect(await sr(charge('<cbc:ChargeIndicator>true</cbc:ChargeIndicator><cbc:ChargeIndicator>yes</cbc:ChargeIndicator>'))).toEqual(['UBL-SR-31']);
  });

  it('UBL-DT-06 and UBL-DT-07 apply to any binary object, whatever its name', async () => {
    const xml = edit(
      '<cbc:EmbeddedDocumentBinaryObject mimeCode="text/csv" filename="hours.csv">ZGF0ZTtob3VycwoyMDE3LTExLTAxOzgK</cbc:EmbeddedDocumentBinaryObject>',
      '<cbc:EmbeddedDocumentBinaryObject mimeCode="text/csv" filename="hours.csv">ZGF0ZTtob3VycwoyMDE3LTExLTAxOzgK</cbc:EmbeddedDocumentBinaryObject>\n            <cbc:OtherBinaryObject>AA==</cbc:OtherBinaryObject>',
    );
    expect(await fired(xml)).toEqual(['UBL-DT-06', 'UBL-DT-07']);
  });

  it('UBL-DT-18 accepts the name attribute on the payment means code only', async () => {
    expect(read('valid', VALID)).toContain('<cbc:PaymentMeansCode name="Credit transfer">');
    const xml = edit('<cbc:Name>AccountName</cbc:Name>', '<cbc:Name name="x">AccountName</cbc:Name>');
    expect(await fired(xml)).toEqual(['UBL-DT-18']);
  });

  it('UBL-DT-08..28 ignore attributes of the same name in a namespace', async () => {
    const xml = edit('<cbc:ID>99887766</cbc:ID>', '<cbc:ID xmlns:x="urn:x" x:schemeName="n" x:listName="l" x:name="m">99887766</cbc:ID>');
    expect(await fired(xml)).toEqual([]);
  });
});

// ---------------------------------------------------------------- mutations

const documents = baseDocumentNames()
  // Comments go: some documents keep commented-out elements, which the text edits below would find.
  .map((name) => ({ name, xml: readFileSync(join(shared, name), 'utf8').replace(/<!--[\s\S]*?-->/g, '') }));

// ---------------------------------------------------------------- locating elements in the text

interface Span {
  readonly start: number;
  readonly end: number;
}

/** The first element `tag` (a qualified name as written) within `within`, start tag to end tag. */
function find(xml: string, tag: string, within: Span): Span | undefined {
  const open = new RegExp(`<${tag}(?=[\\s/>])`, 'g');
  open.lastIndex = within.start;
  const m = open.exec(xml);
  if (!m || m.index >= within.end) return undefined;
  const tagEnd = xml.indexOf('>', m.index);
  if (xml[tagEnd - 1] === '/') return { start: m.index, end: tagEnd + 1 };
  const close = xml.indexOf(`</${tag}>`, tagEnd);
  if (close < 0 || close >= within.end) return undefined;
  return { start: m.index, end: close + tag.length + 3 };
}

/** The element at `path` (each step inside the previous one), in the header or in the first line. */
function locate(xml: string, path: readonly string[], region: 'header' | 'line' | 'anywhere'): Span | undefined {
  const firstLine = xml.search(/<cac:(?:Invoice|CreditNote)Line>/);
  let span: Span | undefined =
    region === 'header' ? { start: 0, end: firstLine < 0 ? xml.length : firstLine } : region === 'line' ? find(xml, xml.includes('<cac:InvoiceLine>') ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', { start: 0, end: xml.length }) : { start: 0, end: xml.length };
  for (const tag of path) {
    if (!span) return undefined;
    span = find(xml, tag, span);
  }
  return span;
}

type Mutate = (xml: string) => string | undefined;

/** Writes the element at `path` twice. */
const twice =
  (path: readonly string[], region: 'header' | 'line' | 'anywhere' = 'header'): Mutate =>
  (xml) => {
    const s = locate(xml, path, region);
    return s && xml.slice(0, s.end) + xml.slice(s.start, s.end) + xml.slice(s.end);
  };
/** Removes the element at `path`. */
const without =
  (path: readonly string[], region: 'header' | 'line' | 'anywhere' = 'header'): Mutate =>
  (xml) => {
    const s = locate(xml, path, region);
    return s && xml.slice(0, s.start) + xml.slice(s.end);
  };
/** Removes the attribute `name` from the start tag of the element at `path`. */
const withoutAttribute =
  (path: readonly string[], name: string): Mutate =>
  (xml) => {
    const s = locate(xml, path, 'anywhere');
    if (!s) return undefined;
    const tagEnd = xml.indexOf('>', s.start);
    const tag = xml.slice(s.start, tagEnd);
    const stripped = tag.replace(new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*')`), '');
    return stripped === tag ? undefined : xml.slice(0, s.start) + stripped + xml.slice(tagEnd);
  };
/** Adds `attribute` to the start tag of the document identifier (BT-1). */
const withAttribute =
  (attribute: string): Mutate =>
  (xml) => {
    const s = locate(xml, ['cbc:ID'], 'header');
    return s && `${xml.slice(0, s.start)}<cbc:ID ${attribute}${xml.slice(s.start + '<cbc:ID'.length)}`;
  };
/** The VAT total (BT-110) written with three decimals, the same value. */
const threeDecimals: Mutate = (xml) =>
  xml.replace(/(<cbc:TaxAmount[^>]*>\s*)([+-]?\d+)(?:\.(\d*))?(\s*<\/cbc:TaxAmount>)/, (_all, open: string, whole: string, frac: string | undefined, close: string) => `${open}${whole}.${(frac ?? '').padEnd(3, '0')}${close}`);

const SELLER = 'cac:AccountingSupplierParty';
const BUYER = 'cac:AccountingCustomerParty';

/** Mutation name -> the rule it breaks, the mutation, and rules that may fire with it. */
const MUTATIONS: readonly { readonly rule: string; readonly name: string; readonly mutate: Mutate; readonly companions?: readonly string[] }[] = [
  { rule: 'UBL-SR-01', name: 'contract reference twice', mutate: twice(['cac:ContractDocumentReference', 'cbc:ID']) },
  { rule: 'UBL-SR-02', name: 'receiving advice reference twice', mutate: twice(['cac:ReceiptDocumentReference', 'cbc:ID']) },
  { rule: 'UBL-SR-03', name: 'despatch advice reference twice', mutate: twice(['cac:DespatchDocumentReference', 'cbc:ID']) },
  { rule: 'UBL-SR-05', name: 'payment terms note twice', mutate: twice(['cac:PaymentTerms', 'cbc:Note']) },
  { rule: 'UBL-SR-06', name: 'preceding invoice reference twice in one billing reference', mutate: twice(['cac:BillingReference', 'cac:InvoiceDocumentReference']) },
  { rule: 'UBL-SR-07', name: 'preceding invoice number dropped', mutate: without(['cac:BillingReference', 'cac:InvoiceDocumentReference', 'cbc:ID']) },
  // A period with its tax point date code (BT-8), written twice, gives two codes.
  { rule: 'UBL-SR-08', name: 'invoicing period twice', mutate: twice(['cac:InvoicePeriod']), companions: ['UBL-SR-49'] },
  { rule: 'UBL-SR-09', name: 'seller name twice', mutate: twice([SELLER, 'cac:PartyLegalEntity', 'cbc:RegistrationName']) },
  { rule: 'UBL-SR-10', name: 'seller trading name twice', mutate: twice([SELLER, 'cac:PartyName', 'cbc:Name']) },
  { rule: 'UBL-SR-11', name: 'seller legal registration identifier twice', mutate: twice([SELLER, 'cac:PartyLegalEntity', 'cbc:CompanyID']) },
  { rule: 'UBL-SR-14', name: 'seller additional legal information twice', mutate: twice([SELLER, 'cac:PartyLegalEntity', 'cbc:CompanyLegalForm']) },
  { rule: 'UBL-SR-15', name: 'buyer name twice', mutate: twice([BUYER, 'cac:PartyLegalEntity', 'cbc:RegistrationName']) },
  { rule: 'UBL-SR-16', name: 'buyer identifier twice', mutate: twice([BUYER, 'cac:PartyIdentification', 'cbc:ID']) },
  { rule: 'UBL-SR-17', name: 'buyer legal registration identifier twice', mutate: twice([BUYER, 'cac:PartyLegalEntity', 'cbc:CompanyID']) },
  { rule: 'UBL-SR-19', name: 'payee name twice', mutate: twice(['cac:PayeeParty', 'cac:PartyName', 'cbc:Name']) },
  { rule: 'UBL-SR-22', name: 'tax representative name twice', mutate: twice(['cac:TaxRepresentativeParty', 'cac:PartyName', 'cbc:Name']) },
  { rule: 'UBL-SR-24', name: 'deliver-to group twice', mutate: twice(['cac:Delivery']), companions: ['UBL-SR-51'] },
  { rule: 'UBL-SR-25', name: 'deliver to party name twice', mutate: twice(['cac:Delivery', 'cac:DeliveryParty', 'cac:PartyName', 'cbc:Name']) },
  { rule: 'UBL-SR-26', name: 'remittance information twice in one payment means', mutate: twice(['cac:PaymentMeans', 'cbc:PaymentID']) },
  // A payment means code with its payment means text (BT-82), written twice, gives two texts.
  { rule: 'UBL-SR-27', name: 'payment means code twice in one payment means', mutate: twice(['cac:PaymentMeans', 'cbc:PaymentMeansCode']), companions: ['UBL-SR-46'] },
  { rule: 'UBL-SR-32', name: 'VAT exemption reason text twice', mutate: twice(['cac:TaxSubtotal', 'cac:TaxCategory', 'cbc:TaxExemptionReason']) },
  { rule: 'UBL-SR-33', name: 'supporting document description twice', mutate: twice(['cac:AdditionalDocumentReference', 'cbc:DocumentDescription']) },
  { rule: 'UBL-SR-34', name: 'line note twice', mutate: twice(['cbc:Note'], 'line') },
  { rule: 'UBL-SR-35', name: 'purchase order line reference twice', mutate: twice(['cac:OrderLineReference', 'cbc:LineID'], 'line') },
  { rule: 'UBL-SR-36', name: 'line period twice', mutate: twice(['cac:InvoicePeriod'], 'line') },
  { rule: 'UBL-SR-37', name: 'price discount twice', mutate: twice(['cac:Price', 'cac:AllowanceCharge'], 'line') },
  { rule: 'UBL-SR-39', name: 'project reference twice', mutate: twice(['cac:ProjectReference', 'cbc:ID']) },
  { rule: 'UBL-SR-40', name: 'buyer trading name twice', mutate: twice([BUYER, 'cac:PartyName', 'cbc:Name']) },
  { rule: 'UBL-SR-45', name: 'two payment due dates in the payment means', mutate: (xml) => {
      const s = locate(xml, ['cac:PaymentMeans', 'cbc:PaymentMeansCode'], 'header');
      const date = '<cbc:PaymentDueDate>2018-03-07</cbc:PaymentDueDate>';
      return s && xml.slice(0, s.end) + date + date + xml.slice(s.end);
    } },
  { rule: 'UBL-SR-48', name: 'line VAT information twice', mutate: twice(['cac:Item', 'cac:ClassifiedTaxCategory'], 'line') },
  { rule: 'UBL-SR-48', name: 'line VAT information dropped', mutate: without(['cac:Item', 'cac:ClassifiedTaxCategory'], 'line') },
  { rule: 'UBL-SR-49', name: 'tax point date code twice', mutate: twice(['cac:InvoicePeriod', 'cbc:DescriptionCode']) },
  { rule: 'UBL-SR-50', name: 'item description twice', mutate: twice(['cac:Item', 'cbc:Description'], 'line') },
  { rule: 'UBL-SR-51', name: 'third address line twice', mutate: twice(['cac:AddressLine'], 'anywhere') },
  { rule: 'UBL-SR-52', name: 'line document reference twice', mutate: twice(['cac:DocumentReference'], 'line') },
  { rule: 'UBL-SR-53', name: 'party VAT identifier dropped from its tax scheme', mutate: without(['cac:PartyTaxScheme', 'cbc:CompanyID'], 'anywhere') },
  { rule: 'UBL-SR-54', name: 'two payment cards in the payment means', mutate: (xml) => {
      const s = locate(xml, ['cac:PaymentMeans'], 'header');
      const card = '<cac:CardAccount><cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID></cac:CardAccount>';
      return s && xml.slice(0, s.end - '</cac:PaymentMeans>'.length) + card + card + xml.slice(s.end - '</cac:PaymentMeans>'.length);
    } },
  // Each mandate carries its reference (BT-89): two in one payment means.
  { rule: 'UBL-SR-55', name: 'direct debit mandate twice', mutate: twice(['cac:PaymentMeans', 'cac:PaymentMandate']), companions: ['UBL-SR-28'] },
  { rule: 'UBL-SR-56', name: 'tender or lot reference twice', mutate: twice(['cac:OriginatorDocumentReference', 'cbc:ID']) },
  { rule: 'UBL-DT-01', name: 'VAT total with three decimals', mutate: threeDecimals },
  { rule: 'UBL-DT-06', name: 'attachment without MIME code', mutate: withoutAttribute(['cbc:EmbeddedDocumentBinaryObject'], 'mimeCode') },
  { rule: 'UBL-DT-07', name: 'attachment without file name', mutate: withoutAttribute(['cbc:EmbeddedDocumentBinaryObject'], 'filename') },
  ...(
    [
      ['UBL-DT-08', 'schemeName'],
      ['UBL-DT-09', 'schemeAgencyName'],
      ['UBL-DT-10', 'schemeDataURI'],
      ['UBL-DT-11', 'schemeURI'],
      ['UBL-DT-12', 'format'],
      ['UBL-DT-13', 'unitCodeListIdentifier'],
      ['UBL-DT-14', 'unitCodeListAgencyIdentifier'],
      ['UBL-DT-15', 'unitCodeListAgencyName'],
      ['UBL-DT-16', 'listAgencyName'],
      ['UBL-DT-17', 'listName'],
      ['UBL-DT-18', 'name'],
      ['UBL-DT-19', 'languageID'],
      ['UBL-DT-20', 'listURI'],
      ['UBL-DT-21', 'listSchemeURI'],
      ['UBL-DT-22', 'languageLocaleID'],
      ['UBL-DT-23', 'uri'],
      ['UBL-DT-24', 'currencyCodeListVersionID'],
      ['UBL-DT-25', 'characterSetCode'],
      ['UBL-DT-26', 'encodingCode'],
      ['UBL-DT-27', 'schemeAgencyID'],
      ['UBL-DT-28', 'listAgencyID'],
    ] as const
  ).map(([rule, attribute]) => ({ rule, name: `${attribute} attribute on the document number`, mutate: withAttribute(`${attribute}="x"`) })),
];

describe('UBL syntax rules on mutated documents', () => {
  const baseline = new Map<string, readonly string[]>();
  beforeAll(async () => {
    for (const d of documents) baseline.set(d.name, await fired(d.xml));
  }, 600_000);

  it('leave the official examples clean', () => {
    for (const d of documents.filter((x) => x.name.startsWith('examples/'))) expect(baseline.get(d.name), d.name).toEqual([]);
  });

  it.each(MUTATIONS.map((m) => [`${m.rule}: ${m.name}`, m] as const))('%s fires that rule and no other syntax rule', async (_label, m) => {
    let applied = 0;
    for (const d of documents) {
      const xml = m.mutate(d.xml);
      if (xml === undefined || xml === d.xml) continue;
      applied++;
      const before = baseline.get(d.name) ?? [];
      const after = await fired(xml);
      expect(after, `${d.name}`).toContain(m.rule);
      const added = after.filter((id) => !before.includes(id) && id !== m.rule);
      expect(added.filter((id) => !(m.companions ?? []).includes(id)), `${d.name}`).toEqual([]);
    }
    expect(applied).toBeGreaterThan(0);
  });
});
