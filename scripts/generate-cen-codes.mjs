#!/usr/bin/env node
/**
 * Generates schematron/cen-codes.sch: the EN 16931 code-list rules BR-CL-01 .. BR-CL-26
 * (CEN UBL binding, validation artefacts 1.3.16).
 *
 * The code values come from the Peppol code lists in ../shared/peppol-sb/codelists, widened
 * by scripts/data/cen-code-lists.json where the CEN rule accepts codes the Peppol list lacks
 * (and UNCL 4451, which Peppol does not publish). docs/decisions/code-lists.md says which
 * list each rule uses and where each came from.
 *
 * Each list becomes one global string constant, the codes between single spaces; a membership test is
 * one native `contains` of " code " (UN/ECE Rec 20 has over 2000 codes and is tested per line). A map
 * constructor looked like a constant but SaxonJS builds it again at every validation (about 1.7 ms and
 * much garbage for 2000 entries, measured).
 *
 * Run: node scripts/generate-cen-codes.mjs [<codelist dir>]. The output is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

const here = dirname(fileURLToPath(import.meta.url));
const sourceDir = resolve(process.argv[2] ?? join(here, '../../shared/peppol-sb/codelists'));
const dataFile = join(here, 'data/cen-code-lists.json');
const outFile = join(here, '../schematron/cen-codes.sch');

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'Code', trimValues: true });
const clean = (s) => String(s ?? '').replace(/\s+/g, ' ').trim();
const data = JSON.parse(readFileSync(dataFile, 'utf8'));

/** Codes of one Peppol code list file, in file order. */
function peppolCodes(file) {
  const doc = parser.parse(readFileSync(join(sourceDir, file), 'utf8')).CodeList;
  if (!doc) throw new Error(`${file}: not a code list`);
  return (doc.Code ?? []).map((c) => clean(c.Id)).filter((id) => id !== '');
}

function extra(name) {
  const entry = data.extra[name];
  if (!entry) throw new Error(`scripts/data/cen-code-lists.json: no extra codes for ${name}`);
  return entry.codes;
}

/**
 * The lists the rules test against: variable name -> { codes, from }.
 * `from` names the sources, for the comment in the generated file.
 */
const LISTS = {
  'invoice-type': { files: ['UNCL1001-inv.xml', 'UNCL1001-sbinv.xml'], extra: 'UNCL1001-invoice' },
  'credit-note-type': { files: ['UNCL1001-cn.xml', 'UNCL1001-sbcn.xml'], extra: 'UNCL1001-credit-note' },
  currency: { files: ['ISO4217_2015.xml'], extra: 'ISO4217', exclude: 'ISO4217' },
  'vat-date': { files: ['UNCL2005.xml'] },
  'reference-scheme': { files: ['UNCL1153.xml'], extra: 'UNCL1153' },
  'note-subject': { data: 'UNCL4451' },
  icd: { files: ['icd.xml'], extra: 'ICD' },
  sepa: { files: ['SEPA.xml'] },
  'item-classification': { files: ['UNCL7143.xml'], extra: 'UNCL7143' },
  country: { files: ['ISO3166-1_Alpha2.xml'] },
  'payment-means': { files: ['UNCL4461.xml'], extra: 'UNCL4461' },
  'vat-category': { files: ['UNCL5305.xml'] },
  'allowance-reason': { files: ['UNCL5189.xml'] },
  'charge-reason': { files: ['UNCL7161.xml'] },
  // BR-CL-22 compares upper-cased: VATEX codes are case-insensitive in the CEN rule.
  vatex: { files: ['VATEX.xml'], extra: 'VATEX', upper: true },
  unit: { files: ['UNECERec20-11e.xml'] },
  mime: { files: ['MimeCode.xml'] },
  eas: { files: ['eas.xml'], extra: 'EAS', exclude: 'EAS' },
};

function resolveList(name, spec) {
  const codes = [];
  const from = [];
  for (const f of spec.files ?? []) {
    codes.push(...peppolCodes(f));
    from.push(`codelists/${f}`);
  }
  if (spec.extra) {
    codes.push(...extra(spec.extra));
    from.push(`data/cen-code-lists.json extra.${spec.extra}`);
  }
  if (spec.data) {
    const list = data.lists[spec.data];
    if (!list) throw new Error(`scripts/data/cen-code-lists.json: no list ${spec.data}`);
    codes.push(...list.codes);
    from.push(`data/cen-code-lists.json lists.${spec.data}`);
  }
  let unique = [...new Set(codes.map((c) => (spec.upper ? c.toUpperCase() : c)))];
  if (spec.exclude) {
    // Peppol codes the CEN rule does not accept: a BR-CL rule takes the CEN list as released.
    const out = data.exclude?.[spec.exclude];
    if (!out) throw new Error(`scripts/data/cen-code-lists.json: no excluded codes for ${spec.exclude}`);
    for (const c of out.codes) if (!unique.includes(c)) throw new Error(`${name}: excluded code ${c} is not in the list (stale exclusion?)`);
    unique = unique.filter((c) => !out.codes.includes(c));
    from.push(`minus data/cen-code-lists.json exclude.${spec.exclude}`);
  }
  for (const c of unique) {
    // Codes go into an XPath string literal split on spaces.
    if (/[\s'"&<>]/.test(c)) throw new Error(`${name}: code ${JSON.stringify(c)} cannot be embedded`);
  }
  if (unique.length === 0) throw new Error(`${name}: empty list`);
  return { codes: unique, from };
}

const resolved = Object.fromEntries(Object.entries(LISTS).map(([name, spec]) => [name, resolveList(name, spec)]));

const P = 'ccode';
const list = (name) => {
  if (!resolved[name]) throw new Error(`unknown list ${name}`);
  return `$${P}:${name}`;
};
/** XPath: is the normalised value of `expr` in list `name`. */
const listed = (name, expr) => `${P}:listed(${list(name)}, ${expr})`;

function wrap(items, separator, width = 100) {
  const lines = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + separator.length + item.length > width) {
      lines.push(line + separator.trimEnd());
      line = '';
    }
    line += (line ? separator : '') + item;
  }
  if (line) lines.push(line);
  return lines.join('\n      ');
}

for (const [name, { codes }] of Object.entries(resolved)) {
  for (const c of codes) if (/['"<>&\s]/.test(c)) throw new Error(`${name}: code ${JSON.stringify(c)} cannot go into a space-separated XPath string`);
}
// BR-CL-08 looks its code up as a substring of the space-separated list, as released.
const variables = Object.entries(resolved)
  .map(
    ([name, { codes, from }]) => `  <!-- ${codes.length} codes: ${from.join(' + ')} -->
  <xsl:variable name="${P}:${name}" as="xs:string" select="' ${wrap(codes, ' ')} '"/>`,
  )
  .join('\n');

/** The rules: pattern id suffix -> rules (context, asserts). Messages are ours and name the business terms. */
const PATTERNS = [
  {
    id: 'document-type',
    rules: [
      {
        context: 'cbc:InvoiceTypeCode | cbc:CreditNoteTypeCode',
        asserts: [
          {
            id: 'BR-CL-01',
            test: `if (self::cbc:InvoiceTypeCode) then ${listed('invoice-type', '.')} else ${listed('credit-note-type', '.')}`,
            message: 'The invoice type code (BT-3) "<value-of select="normalize-space(.)"/>" is not an UNTDID 1001 code for this document kind (self-billing uses 389 or 527 for an invoice, 261 for a credit note).',
          },
        ],
      },
    ],
  },
  {
    id: 'amount-currency',
    rules: [
      {
        context:
          'cbc:Amount | cbc:BaseAmount | cbc:PriceAmount | cbc:TaxAmount | cbc:TaxableAmount | cbc:LineExtensionAmount | cbc:TaxExclusiveAmount | cbc:TaxInclusiveAmount | cbc:AllowanceTotalAmount | cbc:ChargeTotalAmount | cbc:PrepaidAmount | cbc:PayableRoundingAmount | cbc:PayableAmount',
        asserts: [
          {
            id: 'BR-CL-03',
            test: listed('currency', '@currencyID'),
            message: 'The currency (currencyID) of <name/> is "<value-of select="normalize-space(@currencyID)"/>", not an ISO 4217 alpha-3 code: use the invoice currency code (BT-5), e.g. EUR.',
          },
        ],
      },
    ],
  },
  {
    id: 'document-currency',
    rules: [
      {
        context: 'cbc:DocumentCurrencyCode',
        asserts: [
          {
            id: 'BR-CL-04',
            test: listed('currency', '.'),
            message: 'The invoice currency code (BT-5) "<value-of select="normalize-space(.)"/>" is not an ISO 4217 alpha-3 code (e.g. EUR, SEK).',
          },
        ],
      },
      {
        context: 'cbc:TaxCurrencyCode',
        asserts: [
          {
            id: 'BR-CL-05',
            test: listed('currency', '.'),
            message: 'The VAT accounting currency code (BT-6) "<value-of select="normalize-space(.)"/>" is not an ISO 4217 alpha-3 code (e.g. EUR, SEK).',
          },
        ],
      },
    ],
  },
  {
    id: 'vat-date',
    rules: [
      {
        context: 'cac:InvoicePeriod/cbc:DescriptionCode',
        asserts: [
          {
            id: 'BR-CL-06',
            test: listed('vat-date', '.'),
            message: 'The value added tax point date code (BT-8) "<value-of select="normalize-space(.)"/>" is not one of the UNTDID 2005 codes allowed: 3 (invoice date), 35 (delivery date), 432 (payment date).',
          },
        ],
      },
    ],
  },
  {
    id: 'object-identifier',
    rules: [
      {
        context:
          // As released, the document type code is compared as written (' 130' is not 130).
          "cac:AdditionalDocumentReference[cbc:DocumentTypeCode = '130'] | cac:DocumentReference[cbc:DocumentTypeCode = '130']",
        asserts: [
          {
            id: 'BR-CL-07',
            test: `every $scheme in cbc:ID/@schemeID satisfies ${listed('reference-scheme', '$scheme')}`,
            message: 'The scheme identifier of the invoiced object identifier (BT-18) "<value-of select="normalize-space(cbc:ID/@schemeID)"/>" is not an UNTDID 1153 reference code qualifier (e.g. AAA, ABT, ZZZ).',
          },
        ],
      },
    ],
  },
  {
    id: 'note-subject',
    rules: [
      {
        context: '/ubl:Invoice/cbc:Note | /cn:CreditNote/cbc:Note',
        asserts: [
          {
            // BT-21 travels in the note as #CODE#. As released, the code is the text between the first
            // two '#' wherever they are, judged only when it has three characters, and looked up as a
            // substring of the space-separated list (so a code with a space inside can pass).
            id: 'BR-CL-08',
            test: `string-length(substring-before(substring-after(., '#'), '#')) ne 3 or contains(${list('note-subject')}, substring-before(substring-after(., '#'), '#'))`,
            message: 'The invoice note subject code (BT-21) "<value-of select="substring-before(substring-after(., \'#\'), \'#\')"/>" written as #code# in the note (BT-22) is not an UNTDID 4451 code (e.g. AAI, SUR, REG).',
          },
        ],
      },
    ],
  },
  {
    id: 'party-identifier',
    rules: [
      {
        context: 'cac:PartyIdentification',
        asserts: [
          {
            // The bank assigned creditor identifier (BT-90) is a seller or payee identifier with scheme SEPA.
            id: 'BR-CL-10',
            test: `every $scheme in cbc:ID/@schemeID satisfies (${listed('icd', '$scheme')} or (${listed('sepa', '$scheme')} and (ancestor::cac:AccountingSupplierParty or ancestor::cac:PayeeParty)))`,
            message: 'The identifier scheme "<value-of select="normalize-space(cbc:ID/@schemeID)"/>" of a party identifier (BT-29, BT-46, BT-60) is not an ISO 6523 ICD code (e.g. 0088 for GLN); SEPA is allowed only for the seller or payee (BT-90).',
          },
        ],
      },
      {
        context: 'cac:PartyLegalEntity/cbc:CompanyID[@schemeID]',
        asserts: [
          {
            id: 'BR-CL-11',
            test: listed('icd', '@schemeID'),
            message: 'The scheme "<value-of select="normalize-space(@schemeID)"/>" of a legal registration identifier (BT-30, BT-47, BT-61) is not an ISO 6523 ICD code (e.g. 0007, 0088, 0183).',
          },
        ],
      },
    ],
  },
  {
    id: 'item',
    rules: [
      {
        context: 'cac:CommodityClassification/cbc:ItemClassificationCode[@listID]',
        asserts: [
          {
            id: 'BR-CL-13',
            test: listed('item-classification', '@listID'),
            message: 'The scheme "<value-of select="normalize-space(@listID)"/>" of the item classification identifier (BT-158) is not an UNTDID 7143 code (e.g. STI for CPV, HS, ZZZ).',
          },
        ],
      },
      {
        context: 'cac:StandardItemIdentification',
        asserts: [
          {
            id: 'BR-CL-21',
            test: `every $scheme in cbc:ID/@schemeID satisfies ${listed('icd', '$scheme')}`,
            message: 'The scheme "<value-of select="normalize-space(cbc:ID/@schemeID)"/>" of the item standard identifier (BT-157) is not an ISO 6523 ICD code (e.g. 0160 for GTIN).',
          },
        ],
      },
    ],
  },
  {
    id: 'country',
    rules: [
      {
        context: 'cac:Country/cbc:IdentificationCode',
        asserts: [
          {
            id: 'BR-CL-14',
            test: listed('country', '.'),
            message: 'The country code "<value-of select="normalize-space(.)"/>" (BT-40, BT-55, BT-69 or BT-80) is not an ISO 3166-1 alpha-2 code (e.g. SE, DE; GR is Greece, not EL).',
          },
        ],
      },
      {
        context: 'cac:OriginCountry/cbc:IdentificationCode',
        asserts: [
          {
            id: 'BR-CL-15',
            test: listed('country', '.'),
            message: 'The item country of origin (BT-159) "<value-of select="normalize-space(.)"/>" is not an ISO 3166-1 alpha-2 code.',
          },
        ],
      },
    ],
  },
  {
    id: 'payment-means',
    rules: [
      {
        context: 'cac:PaymentMeans/cbc:PaymentMeansCode',
        asserts: [
          {
            id: 'BR-CL-16',
            test: listed('payment-means', '.'),
            message: 'The payment means type code (BT-81) "<value-of select="normalize-space(.)"/>" is not an UNTDID 4461 code (e.g. 30 credit transfer, 58 SEPA credit transfer, 49 direct debit).',
          },
        ],
      },
    ],
  },
  {
    id: 'vat-category',
    rules: [
      {
        context: 'cac:TaxCategory',
        asserts: [
          {
            id: 'BR-CL-17',
            test: `every $code in cbc:ID satisfies ${listed('vat-category', '$code')}`,
            message: 'The VAT category code "<value-of select="normalize-space(cbc:ID)"/>" (BT-95, BT-102 or BT-118) is not one of the UNTDID 5305 codes EN 16931 uses: S, Z, E, AE, K, G, O, L, M, B.',
          },
        ],
      },
      {
        context: 'cac:ClassifiedTaxCategory',
        asserts: [
          {
            id: 'BR-CL-18',
            test: `every $code in cbc:ID satisfies ${listed('vat-category', '$code')}`,
            message: 'The invoiced item VAT category code (BT-151) "<value-of select="normalize-space(cbc:ID)"/>" is not one of the UNTDID 5305 codes EN 16931 uses: S, Z, E, AE, K, G, O, L, M, B.',
          },
        ],
      },
    ],
  },
  {
    id: 'allowance-charge-reason',
    rules: [
      {
        context: 'cac:AllowanceCharge/cbc:AllowanceChargeReasonCode',
        asserts: [
          {
            id: 'BR-CL-19',
            // Judged only when ChargeIndicator reads as an xs:boolean, as released (a missing or other value matches neither rule).
            test: `not(../cbc:ChargeIndicator/normalize-space() = ('false', '0')) or ${listed('allowance-reason', '.')}`,
            message: 'The allowance reason code (BT-98, BT-140) "<value-of select="normalize-space(.)"/>" is not an UNTDID 5189 code (e.g. 95 discount, 100 special rebate).',
          },
          {
            id: 'BR-CL-20',
            test: `not(../cbc:ChargeIndicator/normalize-space() = ('true', '1')) or ${listed('charge-reason', '.')}`,
            message: 'The charge reason code (BT-105, BT-145) "<value-of select="normalize-space(.)"/>" is not an UNTDID 7161 code (e.g. FC freight, ABL packaging).',
          },
        ],
      },
    ],
  },
  {
    id: 'exemption-reason',
    rules: [
      {
        context: 'cbc:TaxExemptionReasonCode',
        asserts: [
          {
            id: 'BR-CL-22',
            test: listed('vatex', 'upper-case(.)'),
            message: 'The VAT exemption reason code (BT-121) "<value-of select="normalize-space(.)"/>" is not a CEF VATEX code (e.g. VATEX-EU-AE, VATEX-EU-IC, VATEX-EU-132).',
          },
        ],
      },
    ],
  },
  {
    id: 'unit',
    rules: [
      {
        context: 'cbc:InvoicedQuantity[@unitCode] | cbc:CreditedQuantity[@unitCode] | cbc:BaseQuantity[@unitCode]',
        asserts: [
          {
            id: 'BR-CL-23',
            test: listed('unit', '@unitCode'),
            message: 'The unit of measure "<value-of select="normalize-space(@unitCode)"/>" of <name/> (BT-130, BT-150) is not a UN/ECE Recommendation 20 or 21 code (e.g. C62 one, H87 piece, HUR hour).',
          },
        ],
      },
    ],
  },
  {
    id: 'attachment',
    rules: [
      {
        context: 'cbc:EmbeddedDocumentBinaryObject[@mimeCode]',
        asserts: [
          {
            id: 'BR-CL-24',
            // The MIME code is compared as written (no whitespace trimming), as released.
            test: `${P}:member(${list('mime')}, string(@mimeCode))`,
            message: 'The MIME code "<value-of select="@mimeCode"/>" of an attached document (BT-125) is not allowed: use application/pdf, image/png, image/jpeg, text/csv, or the Excel or OpenDocument spreadsheet types.',
          },
        ],
      },
    ],
  },
  {
    id: 'endpoint',
    rules: [
      {
        context: 'cbc:EndpointID[@schemeID]',
        asserts: [
          {
            id: 'BR-CL-25',
            test: listed('eas', '@schemeID'),
            message: 'The electronic address scheme "<value-of select="normalize-space(@schemeID)"/>" (BT-34, BT-49) is not a CEF EAS code (e.g. 0088 GLN, 0007 Swedish organisation number, 9930 German VAT).',
          },
        ],
      },
    ],
  },
  {
    id: 'delivery-location',
    rules: [
      {
        context: 'cac:DeliveryLocation',
        asserts: [
          {
            id: 'BR-CL-26',
            test: `every $scheme in cbc:ID/@schemeID satisfies ${listed('icd', '$scheme')}`,
            message: 'The scheme "<value-of select="normalize-space(cbc:ID/@schemeID)"/>" of the deliver to location identifier (BT-71) is not an ISO 6523 ICD code (e.g. 0088 for GLN).',
          },
        ],
      },
    ],
  },
];

const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const patterns = PATTERNS.map(
  (p) => `  <pattern id="cen-codes-${p.id}">
${p.rules
  .map(
    (r) => `    <rule context="${attr(r.context)}">
${r.asserts.map((a) => `      <assert id="${a.id}" flag="fatal" test="${attr(a.test)}">${a.message}</assert>`).join('\n')}
    </rule>`,
  )
  .join('\n')}
  </pattern>`,
).join('\n\n');

const text = `<?xml version="1.0" encoding="UTF-8"?>
<!--
  GENERATED by scripts/generate-cen-codes.mjs - do not edit by hand; edit the generator or
  scripts/data/cen-code-lists.json and run: node scripts/generate-cen-codes.mjs

  EN 16931 code-list rules BR-CL-01 .. BR-CL-26 (CEN UBL binding, validation artefacts 1.3.16).
  Rule ids and flags follow the catalogue; the messages are ours. Each code list is the
  Peppol list widened by the codes the CEN rule also accepts (docs/decisions/code-lists.md).
  Every list is a map built once per run, so a membership test is one lookup.
-->
<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"
  xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:xs="http://www.w3.org/2001/XMLSchema"
  xmlns:map="http://www.w3.org/2005/xpath-functions/map"
  xmlns:${P}="urn:peppol-self-billing:fn:cen-codes">
  <title>EN 16931 code list rules (CEN UBL 1.3.16)</title>
  <ns prefix="ubl" uri="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>
  <ns prefix="cn" uri="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/>
  <ns prefix="cac" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"/>
  <ns prefix="cbc" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"/>
  <ns prefix="map" uri="http://www.w3.org/2005/xpath-functions/map"/>
  <ns prefix="${P}" uri="urn:peppol-self-billing:fn:cen-codes"/>

  <!-- Is the string exactly one of the codes of the list (codes between single spaces)? -->
  <xsl:function name="${P}:member" as="xs:boolean">
    <xsl:param name="list" as="xs:string"/>
    <xsl:param name="code" as="xs:string"/>
    <xsl:sequence select="$code ne '' and not(contains($code, ' ')) and contains($list, ' ' || $code || ' ')"/>
  </xsl:function>

  <!-- Is the whitespace-normalised value a member of the list? An absent value is not. -->
  <xsl:function name="${P}:listed" as="xs:boolean">
    <xsl:param name="list" as="xs:string"/>
    <xsl:param name="value" as="item()?"/>
    <xsl:sequence select="exists($value) and ${P}:member($list, normalize-space(string($value)))"/>
  </xsl:function>

${variables}

${patterns}
</schema>
`;

writeFileSync(outFile, text);
const ruleCount = PATTERNS.flatMap((p) => p.rules.flatMap((r) => r.asserts)).length;
console.log(`wrote ${outFile}: ${ruleCount} rules, ${Object.keys(resolved).length} code lists`);
