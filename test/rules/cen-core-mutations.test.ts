/**
 * Mutation tests for the EN 16931 core, calculation and decimal rules (schematron/cen-core.sch,
 * cen-calculation.sch, cen-decimals.sch). The official examples and the realistic documents of
 * ../shared/peppol-sb are changed the way real senders get them wrong — an amount off by a cent,
 * a sign flipped, an element removed, a third decimal, a line dropped, totals that no longer add
 * up — and exactly the rules the statements name must start firing: no fewer, and no other rule
 * of these three files. The clean documents must not fire any of them (one realistic document
 * really lacks its seller name: that finding is pinned).
 *
 * A mutation that does not apply to a document (nothing to change, or a zero that a sign flip
 * leaves equal) is skipped for it; every mutation must apply to at least one document.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileSetToSef } from '../../src/schematron/sef.js';
import { loadRuleSet, type CompiledRuleSet } from '../../src/validate/rule-sets.js';
import { validateDocument } from '../../src/validate/validate.js';
import { baseDocumentNames } from '../helpers/rule-scope.js';

const shared = resolve(process.cwd(), '../shared/peppol-sb');
const catalogue = JSON.parse(readFileSync(join(shared, 'rules.json'), 'utf8')) as { id: string; flag: string; source: string }[];
const MINE = /^BR-(\d\d|B-\d\d|CO-\d\d|DEC-\d\d)$/;
const flagOf = new Map(catalogue.filter((r) => r.source.startsWith('CEN') && MINE.test(r.id)).map((r) => [r.id, r.flag]));

const documents = baseDocumentNames()
  .map((name) => ({ name, xml: readFileSync(join(shared, name), 'utf8') }));

/** Genuine findings in unmodified documents. */
const KNOWN_FINDINGS: Readonly<Record<string, readonly string[]>> = {
  // The seller party has no PartyLegalEntity, so no seller name (BT-27).
  'realistic/rules__national-examples__GR__GR-base-example-TaxRepresentative.xml': ['BR-06'],
};

// ---------------------------------------------------------------- exact decimal text arithmetic

/** Parses an amount as written into a scaled integer (at least 2 decimals kept). */
function parseAmount(text: string): { units: bigint; scale: number } | undefined {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(text);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const frac = m[3] ?? '';
  const scale = Math.max(2, frac.length);
  const units = BigInt(`${m[2] || '0'}${frac.padEnd(scale, '0')}`);
  return { units: m[1] === '-' ? -units : units, scale };
}

function formatAmount(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
}

/** The amount plus `cents` hundredths (or `thousandths` thousandths), written exactly. */
function shift(text: string, cents: number, thousandths = 0): string | undefined {
  const a = parseAmount(text);
  if (!a) return undefined;
  const scale = thousandths === 0 ? a.scale : Math.max(3, a.scale);
  const units = a.units * 10n ** BigInt(scale - a.scale);
  const extra = thousandths === 0 ? 0n : BigInt(thousandths) * 10n ** BigInt(scale - 3);
  return formatAmount(units + BigInt(cents) * 10n ** BigInt(scale - 2) + extra, scale);
}

const isZero = (text: string) => parseAmount(text)?.units === 0n;
const negate = (text: string) => (isZero(text) ? undefined : text.trim().startsWith('-') ? text.trim().slice(1) : `-${text.trim()}`);
/** The same value with three decimals (1300 -> 1300.000, 12.5 -> 12.500). */
const threeDecimals = (text: string) => {
  const a = parseAmount(text);
  return a && a.scale <= 3 ? formatAmount(a.units * 10n ** BigInt(3 - a.scale), 3) : undefined;
};

// ---------------------------------------------------------------- locating things in the text

const LINE = /<cac:(?:Invoice|CreditNote)Line>[\s\S]*?<\/cac:(?:Invoice|CreditNote)Line>/g;
/** The document before its first line: header, parties, allowances, VAT, totals. */
const head = (xml: string) => xml.slice(0, xml.search(/<cac:(?:Invoice|CreditNote)Line>/) >>> 0);

/** Replaces the value of the first match of `re` (groups: before, value, after) inside `within` of the text. */
function changeValue(xml: string, re: RegExp, change: (value: string) => string | undefined, within: (xml: string) => string = (x) => x): string | undefined {
  const area = within(xml);
  const m = re.exec(area);
  if (!m || m[1] === undefined || m[2] === undefined) return undefined;
  const value = change(m[2]);
  if (value === undefined) return undefined;
  return xml.slice(0, m.index) + m[1] + value + xml.slice(m.index + m[1].length + m[2].length);
}

const total = (name: string) => new RegExp(`(<cac:LegalMonetaryTotal>[\\s\\S]*?<cbc:${name}\\b[^>]*>)([^<]*)`);
const VAT_TOTAL = /(<cac:TaxTotal>\s*<cbc:TaxAmount\b[^>]*>)([^<]*)(?=<\/cbc:TaxAmount>\s*<cac:TaxSubtotal>)/;
const SUBTOTAL_TAX = /(<cac:TaxSubtotal>\s*<cbc:TaxableAmount\b[^>]*>[^<]*<\/cbc:TaxableAmount>\s*<cbc:TaxAmount\b[^>]*>)([^<]*)/;
const SUBTOTAL_TAXABLE = /(<cac:TaxSubtotal>\s*<cbc:TaxableAmount\b[^>]*>)([^<]*)/;
const LINE_NET = /(<cac:(?:Invoice|CreditNote)Line>[\s\S]*?<cbc:LineExtensionAmount\b[^>]*>)([^<]*)/;
const PRICE = /(<cac:Price>\s*<cbc:PriceAmount\b[^>]*>)([^<]*)/;
const allowanceAmount = (indicator: 'true' | 'false') =>
  new RegExp(`(<cac:AllowanceCharge>\\s*<cbc:ChargeIndicator>\\s*${indicator}\\s*</cbc:ChargeIndicator>(?:(?!</cac:AllowanceCharge>)[\\s\\S])*?<cbc:Amount\\b[^>]*>)([^<]*)`);

/** Removes the first match of `re`; undefined when there is none. */
const remove = (re: RegExp) => (xml: string) => (re.test(xml) ? xml.replace(re, '') : undefined);

// ---------------------------------------------------------------- the mutations

interface Mutation {
  readonly name: string;
  /** The rules of these files that must start firing, exactly. */
  readonly expect: readonly string[];
  readonly apply: (xml: string) => string | undefined;
}

const cent = (re: RegExp, cents: number, within?: (xml: string) => string) => (xml: string) => changeValue(xml, re, (v) => shift(v, cents), within);
const decimals = (re: RegExp, within?: (xml: string) => string) => (xml: string) => changeValue(xml, re, threeDecimals, within);

const MUTATIONS: readonly Mutation[] = [
  // Amounts off by a cent.
  { name: 'first line net amount (BT-131) one cent up', expect: ['BR-CO-10'], apply: cent(LINE_NET, 1) },
  { name: 'sum of line net amounts (BT-106) one cent up', expect: ['BR-CO-10', 'BR-CO-13'], apply: cent(total('LineExtensionAmount'), 1) },
  { name: 'total without VAT (BT-109) one cent down', expect: ['BR-CO-13', 'BR-CO-15'], apply: cent(total('TaxExclusiveAmount'), -1) },
  { name: 'total VAT amount (BT-110) one cent up', expect: ['BR-CO-14', 'BR-CO-15'], apply: cent(VAT_TOTAL, 1) },
  { name: 'total with VAT (BT-112) one cent up', expect: ['BR-CO-15', 'BR-CO-16'], apply: cent(total('TaxInclusiveAmount'), 1) },
  { name: 'amount due (BT-115) one cent down', expect: ['BR-CO-16'], apply: cent(total('PayableAmount'), -1) },
  { name: 'first VAT category tax amount (BT-117) one cent up', expect: ['BR-CO-14'], apply: cent(SUBTOTAL_TAX, 1) },
  { name: 'first document allowance (BT-92) one cent up', expect: ['BR-CO-11'], apply: cent(allowanceAmount('false'), 1, head) },
  { name: 'first document charge (BT-99) one cent up', expect: ['BR-CO-12'], apply: cent(allowanceAmount('true'), 1, head) },
  { name: 'sum of allowances (BT-107) one cent up', expect: ['BR-CO-11', 'BR-CO-13'], apply: cent(total('AllowanceTotalAmount'), 1) },
  { name: 'sum of charges (BT-108) one cent down', expect: ['BR-CO-12', 'BR-CO-13'], apply: cent(total('ChargeTotalAmount'), -1) },
  { name: 'rounding amount (BT-114) one cent up', expect: ['BR-CO-16'], apply: cent(total('PayableRoundingAmount'), 1) },
  { name: 'paid amount (BT-113) of one cent added', expect: ['BR-CO-16'], apply: addPrepaid },
  // Signs flipped.
  { name: 'first line net amount (BT-131) sign flipped', expect: ['BR-CO-10'], apply: (xml) => changeValue(xml, LINE_NET, negate) },
  { name: 'total without VAT (BT-109) sign flipped', expect: ['BR-CO-13', 'BR-CO-15'], apply: (xml) => changeValue(xml, total('TaxExclusiveAmount'), negate) },
  { name: 'first item net price (BT-146) negative', expect: ['BR-27'], apply: (xml) => changeValue(xml, PRICE, (v) => (parseAmount(v)?.units ?? 0n) > 0n ? negate(v) : undefined) },
  // Lines removed.
  {
    name: 'last line removed',
    expect: ['BR-CO-10'],
    apply: (xml) => {
      const lines = xml.match(LINE) ?? [];
      const last = lines[lines.length - 1];
      if (lines.length < 2 || last === undefined || isZero(LINE_NET.exec(last)?.[2] ?? '0')) return undefined;
      const at = xml.lastIndexOf(last);
      return xml.slice(0, at) + xml.slice(at + last.length);
    },
  },
  {
    name: 'every line removed',
    expect: ['BR-16', 'BR-CO-10'],
    apply: (xml) => {
      const bt106 = total('LineExtensionAmount').exec(xml)?.[2];
      return bt106 === undefined || isZero(bt106) ? undefined : xml.replace(LINE, '');
    },
  },
  // Elements removed.
  { name: 'specification identifier (BT-24) removed', expect: ['BR-01'], apply: remove(/<cbc:CustomizationID>[^<]*<\/cbc:CustomizationID>/) },
  { name: 'issue date (BT-2) removed', expect: ['BR-03'], apply: remove(/(?<=<\/cbc:ID>\s*)<cbc:IssueDate>[^<]*<\/cbc:IssueDate>/) },
  { name: 'buyer postal address (BG-8) removed', expect: ['BR-10'], apply: remove(/(?<=<cac:AccountingCustomerParty>(?:(?!<\/cac:AccountingCustomerParty>)[\s\S])*?)<cac:PostalAddress>[\s\S]*?<\/cac:PostalAddress>/) },
  { name: 'seller country code (BT-40) removed', expect: ['BR-09'], apply: remove(/(?<=<cac:AccountingSupplierParty>(?:(?!<\/cac:AccountingSupplierParty>)[\s\S])*?)<cac:Country>\s*<cbc:IdentificationCode>[^<]*<\/cbc:IdentificationCode>\s*<\/cac:Country>/) },
  { name: 'total without VAT (BT-109) removed', expect: ['BR-13', 'BR-CO-13', 'BR-CO-15'], apply: remove(/<cbc:TaxExclusiveAmount\b[^>]*>[^<]*<\/cbc:TaxExclusiveAmount>/) },
  { name: 'amount due (BT-115) removed', expect: ['BR-15', 'BR-CO-16'], apply: remove(/<cbc:PayableAmount\b[^>]*>[^<]*<\/cbc:PayableAmount>/) },
  { name: 'first item name (BT-153) removed', expect: ['BR-25'], apply: remove(/(?<=<cac:Item>(?:(?!<\/cac:Item>)[\s\S])*?)<cbc:Name>[^<]*<\/cbc:Name>/) },
  { name: 'first line VAT category (BT-151) removed', expect: ['BR-CO-04'], apply: (xml) => removeOnlyLineCategory(xml) },
  { name: 'VAT breakdown (BG-23) removed', expect: ['BR-CO-18'], apply: (xml) => (VAT_TOTAL.test(xml) ? xml.replace(/<cac:TaxSubtotal>[\s\S]*?<\/cac:TaxSubtotal>/g, '') : undefined) },
  {
    name: 'SEPA credit transfer (58) without account',
    expect: ['BR-61'],
    apply: (xml) => {
      if (!/<cac:PaymentMeans>/.test(xml) || /<cac:CardAccount>|<cac:PaymentMandate>/.test(xml)) return undefined;
      return xml.replace(/(<cbc:PaymentMeansCode\b[^>]*>)[^<]*</g, '$158<').replace(/<cac:PayeeFinancialAccount>[\s\S]*?<\/cac:PayeeFinancialAccount>/g, '');
    },
  },
  {
    name: 'seller VAT identifier (BT-31) without its country prefix',
    expect: ['BR-CO-09'],
    apply: (xml) => changeValue(xml, /(<cac:AccountingSupplierParty>[\s\S]*?<cac:PartyTaxScheme>\s*<cbc:CompanyID\b[^>]*>)([A-Z]{2}\d[^<]*)(?=<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>VAT<)/, (v) => v.slice(2)),
  },
  {
    name: 'invoicing period end (BT-74) before its start (BT-73)',
    expect: ['BR-29'],
    apply: (xml) => {
      const m = /(<cac:InvoicePeriod>\s*<cbc:StartDate>)([^<]*)(<\/cbc:StartDate>\s*<cbc:EndDate>)([^<]*)(<\/cbc:EndDate>)/.exec(head(xml));
      if (!m || m[2] === m[4]) return undefined;
      return xml.replace(m[0], `${m[1]}${m[4]}${m[3]}${m[2]}${m[5]}`);
    },
  },
  // Too many decimals: the same value written with three decimals.
  { name: 'line net amount (BT-131) with three decimals', expect: ['BR-DEC-23'], apply: decimals(LINE_NET) },
  { name: 'total without VAT (BT-109) with three decimals', expect: ['BR-DEC-12'], apply: decimals(total('TaxExclusiveAmount')) },
  { name: 'total VAT amount (BT-110) with three decimals (BR-DEC-13 never fires officially)', expect: [], apply: decimals(VAT_TOTAL) },
  { name: 'amount due (BT-115) with three decimals', expect: ['BR-DEC-18'], apply: decimals(total('PayableAmount')) },
  { name: 'VAT category taxable amount (BT-116) with three decimals', expect: ['BR-DEC-19'], apply: decimals(SUBTOTAL_TAXABLE) },
  { name: 'VAT category tax amount (BT-117) with three decimals', expect: ['BR-DEC-20'], apply: decimals(SUBTOTAL_TAX) },
  { name: 'document allowance (BT-92) with three decimals', expect: ['BR-DEC-01'], apply: decimals(allowanceAmount('false'), head) },
  { name: 'document charge (BT-99) with three decimals', expect: ['BR-DEC-05'], apply: decimals(allowanceAmount('true'), head) },
  // Not a number: the arithmetic cannot hold, and must say so rather than crash.
  { name: 'amount due (BT-115) not a number', expect: ['BR-CO-16'], apply: (xml) => changeValue(xml, total('PayableAmount'), () => 'twelve') },
  { name: 'first line net amount (BT-131) not a number', expect: ['BR-CO-10'], apply: (xml) => changeValue(xml, LINE_NET, () => 'n/a') },
  // Half a cent: a third decimal that changes the value, so the totals break too.
  { name: 'total with VAT (BT-112) half a cent up', expect: ['BR-DEC-14', 'BR-CO-15', 'BR-CO-16'], apply: (xml) => changeValue(xml, total('TaxInclusiveAmount'), (v) => shift(v, 0, 5)) },
  // Totals inconsistent: a VAT rate that does not give the VAT amount.
  {
    name: 'first VAT category rate (BT-119) one point up',
    expect: ['BR-CO-17'],
    apply: (xml) => {
      const m = /<cac:TaxSubtotal>\s*<cbc:TaxableAmount\b[^>]*>([^<]*)<\/cbc:TaxableAmount>[\s\S]*?<cbc:Percent>([^<]*)<\/cbc:Percent>/.exec(xml);
      // Less than one currency unit of difference is tolerated: only taxable amounts of 200 or more.
      if (!m || isZero(m[1] ?? '0') || isZero(m[2] ?? '0') || Math.abs(Number(m[1])) < 200) return undefined;
      return xml.replace(m[0], m[0].replace(/<cbc:Percent>[^<]*</, `<cbc:Percent>${Number(m[2]) + 1}<`));
    },
  },
];

/** Adds a paid amount of 0.01 before the rounding amount or the amount due. */
function addPrepaid(xml: string): string | undefined {
  if (/<cbc:PrepaidAmount/.test(xml)) return undefined;
  const m = /(<cac:LegalMonetaryTotal>[\s\S]*?)(\s*)(<cbc:(?:PayableRoundingAmount|PayableAmount)\b[^>]*currencyID="([^"]*)")/.exec(xml);
  if (!m) return undefined;
  return xml.replace(m[0], `${m[1]}${m[2]}<cbc:PrepaidAmount currencyID="${m[4]}">0.01</cbc:PrepaidAmount>${m[2]}${m[3]}`);
}

/** Removes the VAT ClassifiedTaxCategory of the first line, when that line has only one. */
function removeOnlyLineCategory(xml: string): string | undefined {
  const line = xml.match(LINE)?.[0];
  const categories = line?.match(/<cac:ClassifiedTaxCategory>[\s\S]*?<\/cac:ClassifiedTaxCategory>/g) ?? [];
  if (line === undefined || categories.length !== 1 || categories[0] === undefined) return undefined;
  return xml.replace(line, line.replace(categories[0], ''));
}

// ---------------------------------------------------------------- running them

/**
 * The three files merged into one rule set of their own (one traversal, as in the shipped
 * set): about 2000 validations run here, and the other built-in rules would only slow them
 * down. test/rules/cen-core.test.ts runs the fixtures through the shipped set.
 */
let ruleSets: readonly CompiledRuleSet[] = [];
beforeAll(async () => {
  const stems = ['cen-core', 'cen-calculation', 'cen-decimals'];
  const sources = stems.map((name) => ({ name, text: readFileSync(resolve(process.cwd(), 'schematron', `${name}.sch`), 'utf8') }));
  ruleSets = [loadRuleSet(await compileSetToSef(sources), 'cen-core-calculation-decimals')];
}, 300_000);

async function fired(xml: string) {
  return (await validateDocument(xml, { includeBuiltIn: false, ruleSets })).issues.filter((i) => flagOf.has(i.ruleId));
}

/** Applies a mutation to the document outside its comments (commented-out elements stay as they are). */
function mutate(xml: string, m: Mutation): string | undefined {
  const comments: string[] = [];
  const hidden = xml.replace(/<!--[\s\S]*?-->/g, (c) => `<!--${comments.push(c) - 1}-->`);
  const out = m.apply(hidden);
  return out === undefined || out === hidden ? undefined : out.replace(/<!--(\d+)-->/g, (_c, i: string) => comments[Number(i)] ?? '');
}

const cases = documents.flatMap((doc) =>
  MUTATIONS.map((m) => ({ doc, m, mutated: mutate(doc.xml, m) })).filter((c): c is typeof c & { mutated: string } => c.mutated !== undefined),
);

describe('EN 16931 core, calculation and decimal rules under mutation', () => {
  it('apply every mutation to at least one document', () => {
    for (const m of MUTATIONS) expect(cases.some((c) => c.m === m), m.name).toBe(true);
  });

  it('read exact decimal amounts', () => {
    expect(shift('1300', 1)).toBe('1300.01');
    expect(shift('-0.5', -1)).toBe('-0.51');
    expect(shift('12.345', 1)).toBe('12.355');
    expect(shift('100', 0, 5)).toBe('100.005');
    expect(threeDecimals('7125')).toBe('7125.000');
    expect(negate('0.00')).toBeUndefined();
  });

  for (const doc of documents) {
    it(`find ${KNOWN_FINDINGS[doc.name]?.join(', ') ?? 'nothing'} in the clean ${doc.name}`, async () => {
      expect([...new Set((await fired(doc.xml)).map((i) => i.ruleId))].sort()).toEqual([...(KNOWN_FINDINGS[doc.name] ?? [])]);
    });
  }

  for (const { doc, m, mutated } of cases) {
    it(`${m.expect.join(' + ') || 'nothing'} fire on ${doc.name} after: ${m.name}`, async (ctx) => {
      const before = new Set((await fired(doc.xml)).map((i) => i.ruleId));
      // A document that already breaks one of the rules says nothing about the mutation.
      if (m.expect.some((r) => before.has(r))) ctx.skip();
      const after = await fired(mutated);
      const added = [...new Set(after.map((i) => i.ruleId))].filter((r) => !before.has(r)).sort();
      expect(added).toEqual([...m.expect].sort());
      for (const issue of after.filter((i) => m.expect.includes(i.ruleId))) expect(issue.severity).toBe(flagOf.get(issue.ruleId));
    });
  }
});
