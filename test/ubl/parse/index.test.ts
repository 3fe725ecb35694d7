import { describe, expect, it } from 'vitest';
import { DocumentSchema } from '../../../src/model/document.js';
import { formatDecimal } from '../../../src/model/decimal.js';
import { parseUbl } from '../../../src/ubl/parse/index.js';
import { makeLargeInvoice as manyLines } from '../../../bench/make-large.js';
import { sharedFile, sharedXmlFiles } from './helpers.js';

const base = sharedFile('examples', 'SB-base-example.xml').toString('utf8');

/** `body` inside a Standard Business Document envelope, the payload starting on line 4. */
function inSbdh(body: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">\n' +
    '<StandardBusinessDocumentHeader><HeaderVersion>1.0</HeaderVersion></StandardBusinessDocumentHeader>\n' +
    body +
    '\n</StandardBusinessDocument>'
  );
}

function ok(xml: string | Uint8Array) {
  const r = parseUbl(xml);
  if (!r.success) throw new Error(r.issues.map((i) => `${i.code} ${i.path ?? ''} ${i.message}`).join('\n'));
  return r;
}

function errorCodes(xml: string | Uint8Array): string[] {
  const r = parseUbl(xml);
  expect(r.success).toBe(false);
  return r.issues.filter((i) => i.severity === 'error').map((i) => i.code);
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t };
}

/** Expected values read by hand from each official example. */
const EXPECTED: Record<string, { endpoint: string; amountDue: string; totalWithoutVat: string; lines: number; typeCode: string; currency: string }> = {
  'SB-Allowance-example.xml': { endpoint: '7300010000001', amountDue: '6125.00', totalWithoutVat: '5900', lines: 3, typeCode: '527', currency: 'EUR' },
  'SB-Vat-category-S.xml': { endpoint: '7300010000001', amountDue: '8550', totalWithoutVat: '7000', lines: 3, typeCode: '389', currency: 'EUR' },
  'SB-base-creditnote-correction.xml': { endpoint: '9482348239847239874', amountDue: '1656.25', totalWithoutVat: '1325', lines: 2, typeCode: '261', currency: 'EUR' },
  'SB-base-example.xml': { endpoint: '9482348239847239874', amountDue: '1656.25', totalWithoutVat: '1325', lines: 2, typeCode: '389', currency: 'EUR' },
  'SB-base-negative-inv-correction.xml': { endpoint: '9482348239847239874', amountDue: '-1656.25', totalWithoutVat: '-1325', lines: 2, typeCode: '389', currency: 'EUR' },
  'SB-sales-order-example.xml': { endpoint: '9482348239847239874', amountDue: '1656.25', totalWithoutVat: '1325', lines: 2, typeCode: '389', currency: 'EUR' },
  'SB-vat-category-E.xml': { endpoint: '7300010000001', amountDue: '1200.00', totalWithoutVat: '1200.00', lines: 1, typeCode: '389', currency: 'GBP' },
  'SB-vat-category-O.xml': { endpoint: '7300010000001', amountDue: '3200.00', totalWithoutVat: '3200.00', lines: 1, typeCode: '389', currency: 'SEK' },
  'SB-vat-category-Z.xml': { endpoint: '7300010000001', amountDue: '1200.00', totalWithoutVat: '1200.00', lines: 1, typeCode: '389', currency: 'GBP' },
};

describe('parseUbl', () => {
  describe('official examples', () => {
    const files = sharedXmlFiles('examples');

    it('covers all nine official examples', () => {
      expect(files).toEqual(Object.keys(EXPECTED).sort());
    });

    it.each(files)('%s parses with the values written in the file', (file) => {
      const r = ok(sharedFile('examples', file));
      const want = EXPECTED[file];
      if (want === undefined) throw new Error(`no expectation for ${file}`);
      expect(r.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(r.data.seller.endpoint).toEqual({ id: want.endpoint, schemeId: '0088' });
      expect(formatDecimal(r.data.totals.amountDue)).toBe(want.amountDue);
      expect(formatDecimal(r.data.totals.totalWithoutVat)).toBe(want.totalWithoutVat);
      expect(r.data.lines).toHaveLength(want.lines);
      expect(r.data.typeCode).toBe(want.typeCode);
      expect(r.data.currencyCode).toBe(want.currency);
    });

    it.each(files)('%s conforms to DocumentSchema', (file) => {
      const r = ok(sharedFile('examples', file));
      expect(() => DocumentSchema.parse(r.data)).not.toThrow();
    });

    it('reads every business term of SB-base-example', () => {
      const d = ok(base).data;
      expect(d.documentType).toBe('Invoice');
      expect(d.invoiceNumber).toBe('Snippet1');
      expect(d.issueDate).toBe('2017-11-13');
      expect(d.dueDate).toBe('2017-12-01');
      expect(d.buyerAccountingReference).toBe('4025:123:4343');
      expect(d.buyerReference).toBe('0150abc');
      expect(d.seller).toMatchObject({
        name: 'SupplierOfficialName Ltd',
        tradingName: 'SupplierTradingName Ltd.',
        identifiers: [{ id: '99887766' }],
        vatIdentifier: 'GB1232434',
        legalRegistrationIdentifier: { id: 'GB983294' },
        postalAddress: { line1: 'Main street 1', line2: 'Postbox 123', city: 'London', postCode: 'GB 123 EW', countryCode: 'GB' },
      });
      expect(d.buyer.contact).toEqual({ name: 'Lisa Johnson', telephone: '23434234', email: 'lj@buyer.se' });
      expect(d.buyer.legalRegistrationIdentifier).toEqual({ id: '39937423947', schemeId: '0183' });
      expect(d.delivery).toMatchObject({ actualDeliveryDate: '2017-11-01', locationIdentifier: { id: '9483759475923478', schemeId: '0088' }, partyName: 'Delivery party Name' });
      expect(d.paymentInstructions).toEqual([
        {
          typeCode: '30',
          typeText: 'Credit transfer',
          remittanceInformation: 'Snippet1',
          creditTransfer: { accountId: 'IBAN32423940', accountName: 'AccountName', serviceProviderId: 'BIC324098' },
        },
      ]);
      expect(d.paymentTerms).toBe('Payment within 10 days, 2% discount');
      expect(d.allowanceCharges).toHaveLength(1);
      expect(d.allowanceCharges[0]?.kind).toBe('charge');
      expect(formatDecimal(d.allowanceCharges[0]!.vatCategory.rate!)).toBe('25.0');
      expect(formatDecimal(d.vatBreakdown[0]!.taxAmount)).toBe('331.25');
      expect(formatDecimal(d.totals.vatTotal!)).toBe('331.25');
      const line2 = d.lines[1]!;
      expect(line2.id).toBe('2');
      expect(formatDecimal(line2.quantity)).toBe('-3');
      expect(line2.unitCode).toBe('DAY');
      expect(formatDecimal(line2.netAmount)).toBe('-1500');
      expect(line2.item).toMatchObject({ name: 'item name 2', originCountry: 'NO', classifications: [{ code: '09348023', listId: 'SRV' }] });
      expect(line2.item.standardIdentifier).toEqual({ id: '21382183120983', schemeId: '0088' });
    });

    it('reads the credit note due date from PaymentMeans and the preceding invoice', () => {
      const d = ok(sharedFile('examples', 'SB-base-creditnote-correction.xml')).data;
      expect(d.documentType).toBe('CreditNote');
      expect(d.precedingInvoices.length).toBeGreaterThan(0);
      expect(d.lines[0]?.id).toBeDefined();
    });
  });

  describe('realistic documents', () => {
    it.each(sharedXmlFiles('realistic'))('%s returns a result without throwing', (file) => {
      const r = parseUbl(sharedFile('realistic', file));
      expect(typeof r.success).toBe('boolean');
      if (!r.success) {
        // Every failure names what is wrong and where.
        for (const i of r.issues.filter((x) => x.severity === 'error')) {
          expect(i.message.length).toBeGreaterThan(20);
          expect(i.path).toMatch(/^\/(Invoice|CreditNote)/);
        }
      }
    });

    it('fails exactly the realistic files that lack a mandatory term of the model', () => {
      const failing = sharedXmlFiles('realistic').filter((f) => !parseUbl(sharedFile('realistic', f)).success);
      // The Greek tax-representative example has no seller name (BT-27).
      expect(failing).toEqual(['rules__national-examples__GR__GR-base-example-TaxRepresentative.xml']);
    });

    it('reads CEN documents without Peppol endpoints, leaving the endpoint out', () => {
      const r = ok(sharedFile('realistic', 'ubl__examples__ubl-tc434-example1.xml'));
      expect(r.data.seller.endpoint).toBeUndefined();
    });
  });

  describe('namespaces', () => {
    it('reads a document whose prefixes are not cac/cbc and whose root is prefixed ubl:', () => {
      const renamed = base
        .replace(/<Invoice /, '<ubl:Invoice ')
        .replace('</Invoice>', '</ubl:Invoice>')
        .replace('xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"', 'xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"')
        .replace(/(<\/?)cbc:/g, '$1b:')
        .replace(/(<\/?)cac:/g, '$1a:')
        .replace('xmlns:cbc=', 'xmlns:b=')
        .replace('xmlns:cac=', 'xmlns:a=');
      const r = ok(renamed);
      expect(r.data.seller.name).toBe('SupplierOfficialName Ltd');
      expect(r.data.lines).toHaveLength(2);
      expect(r.issues).toEqual([]);
    });

    it('reads a document with the basic components in the default namespace', () => {
      const xml = base
        .replace(/<Invoice /, '<ubl:Invoice ')
        .replace('</Invoice>', '</ubl:Invoice>')
        .replace(
          'xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"',
          'xmlns:ubl="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"',
        )
        .replace(/(<\/?)cbc:/g, '$1');
      const r = ok(xml);
      expect(formatDecimal(r.data.totals.amountDue)).toBe('1656.25');
      expect(r.data.seller.endpoint?.id).toBe('9482348239847239874');
    });

    it('does not take an element of a foreign namespace for a UBL one', () => {
      const xml = base.replace('<cbc:BuyerReference>0150abc</cbc:BuyerReference>', '<x:BuyerReference xmlns:x="urn:example:other">0150abc</x:BuyerReference>');
      const r = ok(xml);
      expect(r.data.buyerReference).toBeUndefined();
      expect(r.issues.map((i) => `${i.code} ${i.path ?? ''}`)).toEqual(['UNMAPPED-ELEMENT /Invoice/x:BuyerReference']);
    });

    it('refuses an undeclared prefix with XML-NAMESPACE', () => {
      const xml = base.replace('<cbc:BuyerReference>0150abc</cbc:BuyerReference>', '<q:BuyerReference>0150abc</q:BuyerReference>');
      expect(errorCodes(xml)).toContain('XML-NAMESPACE');
    });
  });

  describe('bad input', () => {
    it('reports empty input as EMPTY-INPUT', () => {
      expect(errorCodes('')).toEqual(['EMPTY-INPUT']);
      expect(errorCodes('  \n ')).toEqual(['EMPTY-INPUT']);
      expect(errorCodes(new Uint8Array())).toEqual(['EMPTY-INPUT']);
    });

    it('reports malformed XML as XML-SYNTAX with line and column', () => {
      const r = parseUbl('<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">\n  <a>\n</Invoice>');
      expect(r.success).toBe(false);
      expect(r.issues[0]).toMatchObject({ code: 'XML-SYNTAX', severity: 'error', line: 3 });
      expect(r.issues[0]?.column).toBeGreaterThan(0);
    });

    it('reports truncated XML as XML-SYNTAX', () => {
      expect(errorCodes(base.slice(0, Math.floor(base.length / 2)))).toEqual(['XML-SYNTAX']);
    });

    it('refuses a DOCTYPE with XML-DOCTYPE and its position', () => {
      const r = parseUbl(`<?xml version="1.0"?>\n<!DOCTYPE Invoice>\n${base.slice(base.indexOf('<Invoice'))}`);
      expect(r.success).toBe(false);
      expect(r.issues).toHaveLength(1);
      expect(r.issues[0]).toMatchObject({ code: 'XML-DOCTYPE', line: 2, column: 1 });
    });

    it('reports a root that is not Invoice or CreditNote as XML-ROOT', () => {
      const r = parseUbl('<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>');
      expect(r.success).toBe(false);
      expect(r.issues[0]).toMatchObject({ code: 'XML-ROOT', path: '/Order' });
    });

    it('reports an Invoice outside the UBL namespace as XML-NAMESPACE', () => {
      expect(errorCodes(base.replace('xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"', 'xmlns="urn:example:invoice"'))).toEqual(['XML-NAMESPACE']);
      expect(errorCodes(base.replace('xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"', ''))).toEqual(['XML-NAMESPACE']);
    });

    it.each([
      ['12,50', 'use "." as the decimal separator'],
      ['abc', 'write digits'],
      ['1e5', 'without exponent'],
      ['', 'write digits'],
    ])('refuses the line net amount "%s" naming BT-131 and the XPath', (value, hint) => {
      const xml = base.replace('<cbc:LineExtensionAmount currencyID="EUR">-1500</cbc:LineExtensionAmount>', `<cbc:LineExtensionAmount currencyID="EUR">${value}</cbc:LineExtensionAmount>`);
      const r = parseUbl(xml);
      expect(r.success).toBe(false);
      expect(r.issues).toContainEqual(
        expect.objectContaining({
          code: 'INVALID-DECIMAL',
          severity: 'error',
          businessTerm: 'BT-131',
          path: '/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount',
          message: expect.stringContaining(hint),
        }),
      );
    });

    it.each([
      ['2024-13-01', 'does not exist'],
      ['13.11.2017', '"2017-11-13"'],
    ])('refuses the issue date "%s" naming BT-2 and the XPath', (value, hint) => {
      const r = parseUbl(base.replace('<cbc:IssueDate>2017-11-13</cbc:IssueDate>', `<cbc:IssueDate>${value}</cbc:IssueDate>`));
      expect(r.success).toBe(false);
      expect(r.issues).toContainEqual(
        expect.objectContaining({ code: 'INVALID-DATE', businessTerm: 'BT-2', path: '/Invoice/cbc:IssueDate', message: expect.stringContaining(hint) }),
      );
    });

    it('reports a missing seller name (BT-27) with the XPath where it belongs', () => {
      const r = parseUbl(base.replace('<cbc:RegistrationName>SupplierOfficialName Ltd</cbc:RegistrationName>', ''));
      expect(r.success).toBe(false);
      expect(r.issues).toContainEqual(
        expect.objectContaining({
          code: 'MISSING-ELEMENT',
          businessTerm: 'BT-27',
          path: '/Invoice/cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName',
        }),
      );
    });

    it('reports a missing line net amount (BT-131)', () => {
      const r = parseUbl(base.replace('<cbc:LineExtensionAmount currencyID="EUR">-1500</cbc:LineExtensionAmount>', ''));
      expect(r.success).toBe(false);
      expect(r.issues).toContainEqual(
        expect.objectContaining({ code: 'MISSING-ELEMENT', businessTerm: 'BT-131', path: '/Invoice/cac:InvoiceLine[2]/cbc:LineExtensionAmount' }),
      );
    });

    it('keeps unknown codes with an UNKNOWN-CODE warning', () => {
      const xml = base
        .replace('<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUX</cbc:DocumentCurrencyCode>')
        .replace('<cbc:IdentificationCode>GB</cbc:IdentificationCode>', '<cbc:IdentificationCode>XX</cbc:IdentificationCode>')
        .replace('<cbc:InvoicedQuantity unitCode="DAY">7', '<cbc:InvoicedQuantity unitCode="DAYS">7')
        .replace('schemeID="0088">9482348239847239874', 'schemeID="9999">9482348239847239874')
        .replace('<cbc:PaymentMeansCode name="Credit transfer">30', '<cbc:PaymentMeansCode name="Credit transfer">300');
      const r = ok(xml);
      const unknown = r.issues.filter((i) => i.code === 'UNKNOWN-CODE');
      expect(unknown.map((i) => i.businessTerm).sort()).toEqual(['BT-130', 'BT-34-1', 'BT-40', 'BT-5', 'BT-81']);
      expect(r.data.currencyCode).toBe('EUX');
      expect(r.data.seller.postalAddress.countryCode).toBe('XX');
      expect(r.data.lines[0]?.unitCode).toBe('DAYS');
      expect(r.data.seller.endpoint?.schemeId).toBe('9999');
      expect(r.data.paymentInstructions[0]?.typeCode).toBe('300');
    });

    it('reads a regular billing invoice with a NOT-SELF-BILLING warning that names the self-billing identifiers', () => {
      const xml = base
        .replace('poacc:selfbilling:3.0', 'poacc:billing:3.0')
        .replace('poacc:selfbilling:01:1.0', 'poacc:billing:01:1.0')
        .replace('<cbc:InvoiceTypeCode>389', '<cbc:InvoiceTypeCode>380');
      const r = ok(xml);
      const w = r.issues.filter((i) => i.code === 'NOT-SELF-BILLING');
      expect(w).toHaveLength(1);
      expect(w[0]?.message).toContain('urn:fdc:peppol.eu:2017:poacc:selfbilling:01:1.0');
      expect(w[0]?.message).toContain('389');
      expect(r.data.typeCode).toBe('380');
    });

    it('warns about elements and attributes the model does not hold', () => {
      const xml = base
        .replace('<cbc:CustomizationID>', '<ext:UBLExtensions xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"><ext:UBLExtension/></ext:UBLExtensions><cbc:UBLVersionID>2.1</cbc:UBLVersionID><cbc:CustomizationID>')
        .replace('<cbc:ID>2</cbc:ID>', '<cbc:ID>2</cbc:ID><cbc:Note>one</cbc:Note><cbc:Note>two</cbc:Note>')
        .replace('<cbc:ID schemeID="0002">FR23342</cbc:ID>', '<cbc:ID schemeID="0002" schemeAgencyID="9">FR23342</cbc:ID>');
      const r = ok(xml);
      expect(r.data.lines[1]?.note).toBe('one');
      const unmapped = r.issues.filter((i) => i.code.startsWith('UNMAPPED')).map((i) => `${i.code} ${i.path ?? ''}`);
      expect(unmapped).toEqual([
        'UNMAPPED-ELEMENT /Invoice/ext:UBLExtensions',
        'UNMAPPED-ELEMENT /Invoice/cbc:UBLVersionID',
        'UNMAPPED-ATTRIBUTE /Invoice/cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID/@schemeAgencyID',
        'UNMAPPED-ELEMENT /Invoice/cac:InvoiceLine[2]/cbc:Note[2]',
      ]);
      expect(r.issues.every((i) => i.severity === 'warning')).toBe(true);
    });

    it('gives line and column for issues found after tokenizing', () => {
      const r = parseUbl(base.replace('<cbc:IssueDate>2017-11-13</cbc:IssueDate>', '<cbc:IssueDate>2017-11-31</cbc:IssueDate>'));
      const issue = r.issues.find((i) => i.code === 'INVALID-DATE');
      expect(issue).toMatchObject({ line: 8, column: 5 });
    });

    it('decodes bytes with a BOM and UTF-16', () => {
      const utf8 = new TextEncoder().encode(base);
      const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]);
      expect(ok(withBom).data.invoiceNumber).toBe('Snippet1');
      const text = '\uFEFF' + base.replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const utf16 = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        utf16[i * 2] = text.charCodeAt(i) & 0xff;
        utf16[i * 2 + 1] = text.charCodeAt(i) >> 8;
      }
      expect(ok(utf16).data.invoiceNumber).toBe('Snippet1');
    });

    it('reports bytes that are not valid UTF-8 as XML-ENCODING', () => {
      expect(errorCodes(new Uint8Array([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]))).toEqual(['XML-ENCODING']);
    });

    it('unwraps an SBDH envelope and reports positions in the original text', () => {
      const body = base.slice(base.indexOf('<Invoice')).replace('<cbc:IssueDate>2017-11-13</cbc:IssueDate>', '<cbc:IssueDate>2017-11-31</cbc:IssueDate>');
      const sbdh = inSbdh(body);
      const r = parseUbl(sbdh);
      expect(r.issues.find((i) => i.code === 'INVALID-DATE')).toMatchObject({ path: "/Invoice/cbc:IssueDate", line: 10, column: 5 });
      expect(ok(sbdh.replace('2017-11-31', '2017-11-13')).data.seller.name).toBe('SupplierOfficialName Ltd');
    });

    it('reports a syntax error inside an SBDH payload at its line and column in the original text', () => {
      const body = base.slice(base.indexOf('<Invoice')).replace('<cbc:IssueDate>', '<cbc:IssueDate>&bad;');
      const sbdh = inSbdh(body);
      const lines = sbdh.split('\n');
      const line = lines.findIndex((l) => l.includes('&bad;')) + 1;
      const r = parseUbl(sbdh);
      expect(r.success).toBe(false);
      expect(r.issues[0]).toMatchObject({ code: 'XML-SYNTAX', line, column: (lines[line - 1] ?? '').indexOf('&bad;') + 1 });
    });
  });

  describe('hostile input', () => {
    it('returns a result for random bytes', () => {
      let seed = 42;
      for (let n = 0; n < 50; n++) {
        const bytes = new Uint8Array(200 + n * 13).map(() => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff);
        const r = parseUbl(bytes);
        expect(r.success).toBe(false);
      }
    });

    it('returns a result for every truncation of a document', () => {
      for (let cut = 1; cut < base.length; cut += 97) {
        expect(parseUbl(base.slice(0, cut)).success).toBe(false);
      }
    });

    it('refuses 10k-deep nesting quickly', () => {
      const deep = `<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2">${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</Invoice>`;
      const { value, ms } = timed(() => parseUbl(deep));
      expect(value.success).toBe(false);
      expect(value.issues[0]?.code).toBe('XML-DEPTH');
      expect(ms).toBeLessThan(10_000); // a hang guard, not a speed target
    });

    it('refuses billion laughs without expanding an entity', () => {
      const lol =
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n' +
        Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n') +
        ']>\n<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"><cbc:Note xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">&lol9;</cbc:Note></Invoice>';
      const { value, ms } = timed(() => parseUbl(lol));
      expect(value.issues.map((i) => i.code)).toEqual(['XML-DOCTYPE']);
      expect(ms).toBeLessThan(10_000); // a hang guard, not a speed target
    });

    it('refuses an external entity pointing at /etc/passwd', () => {
      const xxe = `<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${base.slice(base.indexOf('<Invoice')).replace('0150abc', '&xxe;')}`;
      const r = parseUbl(xxe);
      expect(r.success).toBe(false);
      expect(r.issues.map((i) => i.code)).toEqual(['XML-DOCTYPE']);
      expect(JSON.stringify(r)).not.toContain('root:');
    });

    it('refuses a DOCTYPE hidden after the root start tag too', () => {
      const xml = base.replace('<cbc:CustomizationID>', '<!DOCTYPE x [<!ENTITY e "boom">]><cbc:CustomizationID>');
      expect(errorCodes(xml)).toEqual(['XML-DOCTYPE']);
    });

    it('decodes predefined and character entities only', () => {
      const r = ok(base.replace('0150abc', 'A&amp;B &#x41;&#66; &lt;x&gt;'));
      expect(r.data.buyerReference).toBe('A&B AB <x>');
    });

    it('returns a result for a 20 MB document in reasonable time', () => {
      const attachment = 'QUJD'.repeat(5_000_000);
      const xml = base.replace(
        '<cac:AccountingSupplierParty>',
        `<cac:AdditionalDocumentReference><cbc:ID>big</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="big.pdf">${attachment}</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference><cac:AccountingSupplierParty>`,
      );
      expect(xml.length).toBeGreaterThan(20_000_000);
      const { value, ms } = timed(() => parseUbl(xml));
      expect(value.success).toBe(true);
      if (value.success) expect(value.data.supportingDocuments[0]?.attachment?.content).toHaveLength(20_000_000);
      expect(ms).toBeLessThan(10_000);
    });

    it('reads every line of a 4000-line document', () => {
      const r = ok(manyLines(4000));
      expect(r.data.lines).toHaveLength(4000);
    });
  });

  describe('performance', () => {
    it('parses a 1000-line invoice with all its lines (speed is measured by npm run bench, not here)', () => {
      const r = ok(manyLines(1000));
      expect(r.data.lines).toHaveLength(1000);
      expect(r.data.lines[999]?.id).toBe('1000');
    });
  });
});
