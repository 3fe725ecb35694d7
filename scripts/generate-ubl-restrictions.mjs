#!/usr/bin/env node
/**
 * The UBL-CR "should not include" restrictions of the EN 16931 UBL binding as data, and the
 * Schematron generated from that data.
 *
 *   node scripts/generate-ubl-restrictions.mjs --derive   rebuild schematron/data/ubl-cr.json
 *   node scripts/generate-ubl-restrictions.mjs            regenerate schematron/ubl-restrictions.sch
 *
 * --derive reads the rule catalogue (../shared/peppol-sb/rules.json) and the UBL 2.1 schemas
 * (../shared/ubl-2.1-xsd): each statement names a path of UBL element names ("the
 * AccountingSupplierParty Party AgentParty"), which is resolved step by step against the
 * schema so that every step gets its namespace and every path is one the schema allows, per
 * document kind. Statements that are not such a path (attributes, conditions, typos in the
 * catalogue) are reviewed by hand: see OVERRIDES and ALIASES below.
 *
 *
 * Generation writes one rule per restricted place (see `generate`); the output is committed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const shared = resolve(repo, '../shared');
const TABLE = join(repo, 'schematron/data/ubl-cr.json');
const OUTPUT = join(repo, 'schematron/ubl-restrictions.sch');

// ---------------------------------------------------------------------------------------------
// The UBL 2.1 schema as a child table: element -> ordered child element names (with prefixes).
// ---------------------------------------------------------------------------------------------

/** Reads `complexType name -> [child refs]` and `cac element -> type` from the aggregate XSD. */
function readSchema() {
  const xsdDir = join(shared, 'ubl-2.1-xsd');
  const cacText = readFileSync(join(xsdDir, 'common/UBL-CommonAggregateComponents-2.1.xsd'), 'utf8');
  const types = new Map();
  for (const m of cacText.matchAll(/<xsd:complexType name="(\w+)">([\s\S]*?)<\/xsd:complexType>/g)) {
    types.set(m[1], [...m[2].matchAll(/<xsd:element ref="(\w+:\w+)"/g)].map((r) => r[1]));
  }
  const elementType = new Map();
  for (const m of cacText.matchAll(/<xsd:element name="(\w+)" type="(\w+)"\/>/g)) elementType.set(`cac:${m[1]}`, m[2]);
  const root = (file, type) => {
    const text = readFileSync(join(xsdDir, 'maindoc', file), 'utf8');
    const body = new RegExp(`<xsd:complexType name="${type}">([\\s\\S]*?)</xsd:complexType>`).exec(text)?.[1] ?? '';
    return [...body.matchAll(/<xsd:element ref="(\w+:\w+)"/g)].map((r) => r[1]);
  };
  return {
    roots: { Invoice: root('UBL-Invoice-2.1.xsd', 'InvoiceType'), CreditNote: root('UBL-CreditNote-2.1.xsd', 'CreditNoteType') },
    /** Children of a cac element; [] for basic components. */
    children(qname) {
      const type = elementType.get(qname);
      return type === undefined ? [] : (types.get(type) ?? []);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Deriving the table from the catalogue statements.
// ---------------------------------------------------------------------------------------------

/** Misspellings and abbreviations in the catalogue statements, and what the schema calls them. */
const ALIASES = {
  Xpath: 'XPath',
  DocumenDescription: 'DocumentDescription',
  Descriprion: 'Description',
  CalulationSequenceNumeric: 'CalculationSequenceNumeric',
  External: 'ExternalReference',
};

/** The document-level line element per document kind. */
const LINE = { Invoice: 'cac:InvoiceLine', CreditNote: 'cac:CreditNoteLine' };

/**
 * Restrictions whose statement is not a plain element path, reviewed by hand. `place` is a
 * path from the document element (`/...`, `{line}` = the document's line element) or, with
 * `anywhere`, a relative path matched wherever it occurs (the statement says "the
 * TaxCategory/ID", not where). `when` narrows the restriction to elements for which the XPath
 * (evaluated on the restricted element) is true.
 */
const OVERRIDES = {
  'UBL-CR-001': { place: '/', element: 'ext:UBLExtensions' },
  'UBL-CR-002': { place: '/', element: 'cbc:UBLVersionID', when: "not(. = '2.1')", sample: { text: '2.0' }, note: 'Allowed when it says 2.1.' },
  // "InvoiceLine Item Price X": Price is a child of the line, not of Item.
  ...Object.fromEntries(
    Array.from({ length: 20 }, (_, i) => 625 + i)
      .filter((n) => n !== 631)
      .map((n) => [`UBL-CR-${n}`, { pathFix: (tokens) => tokens.filter((t, i) => !(t === 'Item' && tokens[i + 1] === 'Price')) }]),
  ),
  'UBL-CR-412': { documents: ['Invoice'], note: 'A credit note states its due date (BT-9) here: cac:PaymentMeans/cbc:PaymentDueDate.' },
  'UBL-CR-646': { documents: ['Invoice'], note: 'The credit note line has no SubInvoiceLine (its sub-lines are SubCreditNoteLine, which the catalogue does not name).' },
  'UBL-CR-648': { place: '/', element: 'cbc:CustomizationID', attribute: 'schemeID' },
  'UBL-CR-649': { place: '/', element: 'cbc:ProfileID', attribute: 'schemeID' },
  'UBL-CR-650': { place: '/', element: 'cbc:ID', attribute: 'schemeID' },
  'UBL-CR-651': { place: '/cac:OrderReference', element: 'cbc:SalesOrderID', attribute: 'schemeID' },
  'UBL-CR-652': { anywhere: true, place: 'cac:PartyTaxScheme', element: 'cbc:CompanyID', attribute: 'schemeID', exampleAt: '/cac:AccountingSupplierParty/cac:Party/cac:PartyTaxScheme' },
  'UBL-CR-653': { place: '/cac:PaymentMeans', element: 'cbc:PaymentID', attribute: 'schemeID' },
  'UBL-CR-654': { place: '/cac:PaymentMeans/cac:PayeeFinancialAccount', element: 'cbc:ID', attribute: 'schemeID' },
  'UBL-CR-655': { place: '/cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch', element: 'cbc:ID', attribute: 'schemeID' },
  'UBL-CR-656': { documents: ['Invoice'], place: '/', element: 'cbc:InvoiceTypeCode', attribute: 'listID' },
  'UBL-CR-657': { place: '/', element: 'cbc:DocumentCurrencyCode', attribute: 'listID' },
  'UBL-CR-658': { place: '/', element: 'cbc:TaxCurrencyCode', attribute: 'listID' },
  'UBL-CR-659': { place: '/cac:AdditionalDocumentReference', element: 'cbc:DocumentTypeCode', attribute: 'listID' },
  'UBL-CR-660': { anywhere: true, place: 'cac:Country', element: 'cbc:IdentificationCode', attribute: 'listID', exampleAt: '/cac:AccountingSupplierParty/cac:Party/cac:PostalAddress/cac:Country' },
  'UBL-CR-661': { place: '/cac:PaymentMeans', element: 'cbc:PaymentMeansCode', attribute: 'listID' },
  'UBL-CR-662': { anywhere: true, place: 'cac:AllowanceCharge', element: 'cbc:AllowanceChargeReasonCode', attribute: 'listID', exampleAt: '/cac:AllowanceCharge' },
  // Any element with a unit code (quantities, measures): checked in ubl-syntax-attributes? No:
  // it is a UBL-CR rule, so it lives here, as a document-level scan (see DOCUMENT_CHECKS).
  'UBL-CR-663': { place: '/', element: '*', attribute: 'unitCodeListID', scan: true, exampleAt: '/{line}/{quantity}' },
  'UBL-CR-664': { anywhere: true, place: 'cac:FinancialInstitutionBranch', element: 'cac:FinancialInstitution', exampleAt: '/cac:PaymentMeans/cac:PayeeFinancialAccount/cac:FinancialInstitutionBranch' },
  'UBL-CR-665': {
    anywhere: true,
    place: 'cac:AdditionalDocumentReference',
    element: 'cbc:ID',
    attribute: 'schemeID',
    when: "not(../cbc:DocumentTypeCode = '130')",
    exampleAt: '/cac:AdditionalDocumentReference',
    note: 'Only the invoiced object identifier (document type code 130) takes a scheme.',
  },
  'UBL-CR-666': {
    anywhere: true,
    place: 'cac:AdditionalDocumentReference',
    element: 'cac:Attachment',
    when: "../cbc:DocumentTypeCode = '130'",
    exampleAt: '/cac:AdditionalDocumentReference',
    sample: { siblings: '<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>' },
  },
  'UBL-CR-667': { anywhere: true, place: 'cac:BuyersItemIdentification', element: 'cbc:ID', attribute: 'schemeID', exampleAt: '/{line}/cac:Item/cac:BuyersItemIdentification' },
  'UBL-CR-668': { anywhere: true, place: 'cac:SellersItemIdentification', element: 'cbc:ID', attribute: 'schemeID', exampleAt: '/{line}/cac:Item/cac:SellersItemIdentification' },
  'UBL-CR-669': { anywhere: true, place: 'cac:Price/cac:AllowanceCharge', element: 'cbc:AllowanceChargeReasonCode', exampleAt: '/{line}/cac:Price/cac:AllowanceCharge' },
  'UBL-CR-670': { anywhere: true, place: 'cac:Price/cac:AllowanceCharge', element: 'cbc:AllowanceChargeReason', exampleAt: '/{line}/cac:Price/cac:AllowanceCharge' },
  'UBL-CR-671': { anywhere: true, place: 'cac:Price/cac:AllowanceCharge', element: 'cbc:MultiplierFactorNumeric', exampleAt: '/{line}/cac:Price/cac:AllowanceCharge' },
  'UBL-CR-672': { documents: ['CreditNote'], place: '/', element: 'cbc:CreditNoteTypeCode', attribute: 'listID' },
  'UBL-CR-673': {
    anywhere: true,
    place: 'cac:AdditionalDocumentReference',
    element: 'cbc:DocumentDescription',
    when: "../cbc:DocumentTypeCode = '130'",
    exampleAt: '/cac:AdditionalDocumentReference',
    sample: { siblings: '<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode>' },
  },
  // The statement says PrimaryAccountNumber; the element is PrimaryAccountNumberID (BT-87).
  'UBL-CR-674': { anywhere: true, place: 'cac:CardAccount', element: 'cbc:PrimaryAccountNumberID', attribute: 'schemeID', exampleAt: '/cac:PaymentMeans/cac:CardAccount' },
  'UBL-CR-675': { anywhere: true, place: 'cac:CardAccount', element: 'cbc:NetworkID', attribute: 'schemeID', exampleAt: '/cac:PaymentMeans/cac:CardAccount' },
  'UBL-CR-676': { anywhere: true, place: 'cac:PaymentMandate', element: 'cbc:ID', attribute: 'schemeID', exampleAt: '/cac:PaymentMeans/cac:PaymentMandate' },
  'UBL-CR-677': { anywhere: true, place: 'cac:PaymentMandate/cac:PayerFinancialAccount', element: 'cbc:ID', attribute: 'schemeID', exampleAt: '/cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount' },
  'UBL-CR-678': { anywhere: true, place: 'cac:TaxCategory', element: 'cbc:ID', attribute: 'schemeID', exampleAt: '/cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory' },
  'UBL-CR-679': { anywhere: true, place: 'cac:ClassifiedTaxCategory', element: 'cbc:ID', attribute: 'schemeID', exampleAt: '/{line}/cac:Item/cac:ClassifiedTaxCategory' },
  'UBL-CR-680': { anywhere: true, place: 'cac:PaymentMeans', element: 'cac:PayerFinancialAccount', exampleAt: '/cac:PaymentMeans' },
};

/** Resolves the element names of a statement against the schema, for one document kind. */
function resolvePath(schema, kind, tokens) {
  const steps = [];
  let children = schema.roots[kind];
  for (const [i, raw] of tokens.entries()) {
    const name = ALIASES[raw] ?? raw;
    let step;
    if (i === 0 && name === 'InvoiceLine') step = '{line}';
    else step = children.find((c) => c.slice(4) === name);
    // "BillingReference UUID": the statement skips InvoiceDocumentReference.
    if (step === undefined && steps.at(-1) === 'cac:BillingReference') {
      steps.push('cac:InvoiceDocumentReference');
      children = schema.children('cac:InvoiceDocumentReference');
      step = children.find((c) => c.slice(4) === name);
    }
    if (step === undefined) return undefined;
    steps.push(step);
    children = schema.children(step === '{line}' ? LINE[kind] : step);
  }
  return steps;
}

function derive() {
  const schema = readSchema();
  const rules = JSON.parse(readFileSync(join(shared, 'peppol-sb/rules.json'), 'utf8')).filter((r) => r.id.startsWith('UBL-CR-'));
  const table = [];
  const problems = [];
  for (const rule of rules) {
    const o = OVERRIDES[rule.id] ?? {};
    const entry = { id: rule.id, flag: rule.flag, statement: rule.statement };
    if (o.element !== undefined) {
      Object.assign(entry, { documents: o.documents ?? ['Invoice', 'CreditNote'] }, pick(o, ['anywhere', 'place', 'element', 'attribute', 'when', 'scan', 'exampleAt', 'sample', 'note']));
      table.push(entry);
      continue;
    }
    const m = /(?:should|shall) not include (?:the |a |an )?(.+)$/.exec(rule.statement);
    let tokens = (m?.[1] ?? '').trim().split(/\s+/);
    if (o.pathFix) tokens = o.pathFix(tokens);
    // "DeliveryParty X": the delivery party sits in the document-level Delivery (BG-13).
    if (tokens[0] === 'DeliveryParty') tokens = ['Delivery', ...tokens];
    const kinds = o.documents ?? ['Invoice', 'CreditNote'];
    const paths = kinds.map((k) => [k, resolvePath(schema, k, tokens)]).filter(([, p]) => p !== undefined);
    if (paths.length === 0) {
      problems.push(`${rule.id}: cannot resolve "${tokens.join(' ')}"`);
      continue;
    }
    const [first] = paths;
    const steps = first[1];
    if (paths.some(([, p]) => p.join('/') !== steps.join('/'))) problems.push(`${rule.id}: differs between document kinds`);
    entry.documents = paths.map(([k]) => k);
    entry.place = `/${steps.slice(0, -1).join('/')}`;
    entry.element = steps.at(-1);
    if (o.note) entry.note = o.note;
    if (entry.documents.length < kinds.length) entry.note = `Not in the ${kinds.filter((k) => !entry.documents.includes(k)).join(', ')} schema.`;
    table.push(entry);
  }
  if (problems.length > 0) {
    console.error(problems.join('\n'));
    process.exit(1);
  }
  writeFileSync(TABLE, `${JSON.stringify(table, null, 1)}\n`);
  console.log(`${table.length} restrictions written to ${TABLE}`);
}

function pick(o, keys) {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

// ---------------------------------------------------------------------------------------------
// Generation.
// ---------------------------------------------------------------------------------------------

/** Steps of a place: `['cac:A', 'cac:B']`; the document element is not a step. */
function placeSteps(entry) {
  return entry.place === '/' ? [] : entry.place.replace(/^\//, '').split('/');
}

const GROUPS = [
  ['cac:AccountingSupplierParty', 'the seller (BG-4)'],
  ['cac:AccountingCustomerParty', 'the buyer (BG-7)'],
  ['cac:PayeeParty', 'the payee (BG-10)'],
  ['cac:TaxRepresentativeParty', 'the seller tax representative (BG-11)'],
  ['cac:Delivery', 'the delivery information (BG-13)'],
  ['cac:InvoicePeriod', 'the invoicing period (BG-14)'],
  ['cac:PaymentMeans', 'the payment instructions (BG-16)'],
  ['cac:BillingReference', 'the preceding invoice reference (BG-3)'],
  ['cac:AdditionalDocumentReference', 'an additional supporting document (BG-24)'],
  ['cac:AllowanceCharge', 'a document level allowance or charge (BG-20, BG-21)'],
  ['cac:TaxTotal', 'the VAT breakdown (BG-23)'],
  ['cac:LegalMonetaryTotal', 'the document totals (BG-22)'],
  ['cac:PaymentTerms', 'the payment terms (BT-20)'],
  ['cac:OrderReference', 'the order reference (BT-13)'],
  ['cac:ContractDocumentReference', 'the contract reference (BT-12)'],
  ['cac:DespatchDocumentReference', 'the despatch advice reference (BT-16)'],
  ['cac:ReceiptDocumentReference', 'the receiving advice reference (BT-15)'],
  ['cac:OriginatorDocumentReference', 'the tender or lot reference (BT-17)'],
  ['cac:ProjectReference', 'the project reference (BT-11)'],
];

/** Where a restriction applies, in words, for the message. */
function describePlace(entry) {
  const steps = placeSteps(entry);
  if (entry.scan) return 'on any element';
  if (entry.anywhere) return `under ${steps.join('/')}`;
  if (steps.length === 0) return 'at document level';
  if (steps[0] === '{line}') {
    const rest = steps.slice(1).join('/');
    return rest === '' ? 'directly in this invoice line (BG-25)' : `under ${rest} in this invoice line (BG-25)`;
  }
  const group = GROUPS.find(([g]) => steps[0] === g)?.[1];
  return group === undefined ? `under ${steps.join('/')}` : `under ${steps.join('/')}, in ${group}`;
}

function conditionWords(entry) {
  switch (entry.id) {
    case 'UBL-CR-002':
      return ' with a version other than 2.1';
    case 'UBL-CR-665':
      return ' unless the document type code is 130 (invoiced object identifier, BT-18)';
    case 'UBL-CR-666':
    case 'UBL-CR-673':
      return ' of an invoiced object identifier (BT-18, document type code 130)';
    default:
      return '';
  }
}

function message(entry) {
  const what = entry.attribute !== undefined ? `The ${entry.attribute} attribute of ${entry.element === '*' ? 'an element' : entry.element}` : entry.element;
  const text = `${what} ${describePlace(entry)}${conditionWords(entry)}`;
  if (entry.flag === 'fatal') return `${text} is not allowed by EN 16931: remove it.`;
  return `${text} is not used by EN 16931: remove it (a receiver would ignore it).`;
}

function escapeXml(s) {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const ROOT = { Invoice: 'ubl:Invoice', CreditNote: 'cn:CreditNote' };

/** The rule contexts of a restriction: one name-test path per document kind (or one relative path). */
function contexts(entry) {
  const predicate = entry.attribute === undefined ? '' : `[@${entry.attribute}]`;
  if (entry.scan) return [`*${predicate}`];
  if (entry.anywhere) return [`${entry.place}/${entry.element}${predicate}`];
  return entry.documents.map((kind) => {
    const steps = placeSteps(entry).map((s) => (s === '{line}' ? LINE[kind] : s));
    return `/${[ROOT[kind], ...steps, entry.element].join('/')}${predicate}`;
  });
}

/**
 * Writes one rule per restricted place: its context is a plain name-test path to the
 * restricted element (with `[@attribute]` for attribute restrictions) and its assert is
 * `false()` (or the negated `when` condition). Why this shape: the compiler's dispatch
 * (src/schematron/context.ts) reads the element name, the attribute and the ancestor names
 * off such a context, and the engine hands the rule only elements that have them. On a
 * document without restricted elements no rule is ever tried: the 678 restrictions cost a
 * hash lookup per element. Rules that could match the same element (the same path, or a
 * relative `anywhere` path ending in the same name) go to different patterns, since within
 * a pattern only the first matching rule fires.
 */
function generate() {
  const table = JSON.parse(readFileSync(TABLE, 'utf8'));
  const rules = new Map();
  for (const e of table) {
    const context = contexts(e).join(' | ');
    const path = contexts({ ...e, attribute: undefined }).join(' | ');
    const rule = rules.get(context) ?? { context, path, entries: [], relative: Boolean(e.anywhere || e.scan), names: new Set([e.element]) };
    rule.entries.push(e);
    rules.set(context, rule);
  }
  const patterns = [];
  const conflicts = (a, b) => [...a.names].some((n) => b.names.has(n) || n === '*' || b.names.has('*')) && (a.relative || b.relative || a.path === b.path);
  for (const rule of rules.values()) {
    let pattern = patterns.find((p) => p.every((r) => !conflicts(r, rule)));
    if (!pattern) {
      pattern = [];
      patterns.push(pattern);
    }
    pattern.push(rule);
  }
  let out = `<?xml version="1.0" encoding="UTF-8"?>
<!--
  GENERATED by scripts/generate-ubl-restrictions.mjs from schematron/data/ubl-cr.json. Do not edit:
  change the table (or the script) and run \`node scripts/generate-ubl-restrictions.mjs\`.

  EN 16931 UBL binding, validation artefacts 1.3.16: the UBL-CR restrictions, elements and
  attributes of UBL 2.1 that the EN 16931 binding does not use (${table.length} rules). One rule per
  restricted place, its context a name-test path to the restricted element: the validation
  engine hands a rule only the elements whose name, attribute and ancestors match its context,
  so a document without restricted elements costs a lookup per element and runs no assert.
-->
<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <title>EN 16931 UBL restrictions (UBL-CR)</title>
  <ns prefix="ubl" uri="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>
  <ns prefix="cn" uri="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"/>
  <ns prefix="cac" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"/>
  <ns prefix="cbc" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"/>
  <ns prefix="ext" uri="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"/>
`;
  patterns.forEach((pattern, i) => {
    out += `\n  <pattern id="ubl-restrictions-${i + 1}">\n`;
    for (const rule of pattern) {
      out += `    <rule context="${escapeXml(rule.context)}">\n`;
      for (const e of rule.entries) {
        const test = e.when === undefined ? 'false()' : `not(${e.when})`;
        out += `      <assert id="${e.id}" flag="${e.flag}" test="${escapeXml(test)}">${escapeXml(message(e))}</assert>\n`;
      }
      out += `    </rule>\n`;
    }
    out += `  </pattern>\n`;
  });
  out += `</schema>\n`;
  writeFileSync(OUTPUT, out);
  console.log(`${OUTPUT}: ${table.length} asserts in ${rules.size} rules, ${patterns.length} patterns`);
}

if (process.argv.includes('--derive')) derive();
else generate();
