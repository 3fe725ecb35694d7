/**
 * The VAT categories of UNCL 5305 that Peppol uses, as data, and the check of each
 * category's own rules (EN 16931 BR-S-*, BR-Z-*, BR-E-*, BR-AE-*, BR-IC-*, BR-G-*, BR-O-*,
 * BR-AF-*, BR-AG-*, BR-B-*), so a builder user hears about a wrong rate, a missing exemption
 * reason or a missing VAT identifier before anything is serialized.
 */
import { Decimal } from '../model/decimal.js';
import type { Issue } from '../model/result.js';
import type { CalculableDocument } from './types.js';
import { calculateVatAmount } from './vat-breakdown.js';

/** What a category demands of the VAT rate (BT-152, BT-96, BT-103, BT-119). */
export type RateRule = 'positive' | 'zero' | 'zero-or-positive' | 'absent' | 'any';

/** Which party identifiers a category demands (`required`) or forbids (`forbidden`). */
export interface IdentifierRule {
  /** Seller identifiers of which at least one must be present, e.g. `['BT-31', 'BT-32', 'BT-63']`. */
  readonly seller: readonly ('BT-31' | 'BT-32' | 'BT-63')[];
  /** Buyer identifiers of which at least one must be present (empty: no demand). */
  readonly buyer: readonly ('BT-47' | 'BT-48')[];
  /** Identifiers that must be absent (category O). */
  readonly forbidden: readonly ('BT-31' | 'BT-48' | 'BT-63')[];
}

/** The rules of one VAT category, as the EN 16931 rule set states them. */
export interface VatCategoryRules {
  /** UNCL 5305 code (BT-118, BT-151, BT-95, BT-102). */
  readonly code: string;
  readonly name: string;
  /** The prefix of the category's rule ids: `S` for BR-S-01 .. BR-S-10. */
  readonly rulePrefix: string;
  /** BR-x-05/06/07. */
  readonly rate: RateRule;
  /** BR-x-01: at least one breakdown entry (per rate) or exactly one. */
  readonly breakdownEntries: 'at-least-one' | 'exactly-one' | 'any';
  /** BR-x-10: exemption reason (BT-120 or BT-121) required, forbidden or free. */
  readonly exemptionReason: 'required' | 'forbidden' | 'free';
  /** BR-x-09: the tax amount is zero (true) or computed from the rate (false). */
  readonly zeroTax: boolean;
  /** BR-x-02/03/04. */
  readonly identifiers: IdentifierRule;
  /** The VATEX code that fits when the category needs a reason, if a single one does. */
  readonly defaultExemptionReasonCode?: string;
  /** The plain text the rules name for the reason. */
  readonly defaultExemptionReason?: string;
}

const SELLER_ANY = ['BT-31', 'BT-32', 'BT-63'] as const;
const SELLER_VAT = ['BT-31', 'BT-63'] as const;

/**
 * The ten VAT categories Peppol allows (UNCL 5305 subset) with their rules.
 * Categories L (IGIC, Canary Islands) and M (IPSI, Ceuta and Melilla) carry rule prefixes
 * AF and AG; K (intra-community supply) carries IC; B (split payment, Italy) has only
 * BR-B-01/02.
 *
 * @example
 * VAT_CATEGORIES.get('AE')?.exemptionReason; // 'required'
 */
export const VAT_CATEGORIES: ReadonlyMap<string, VatCategoryRules> = new Map<string, VatCategoryRules>(
  (
    [
      { code: 'S', name: 'Standard rated', rulePrefix: 'S', rate: 'positive', breakdownEntries: 'at-least-one', exemptionReason: 'forbidden', zeroTax: false, identifiers: { seller: SELLER_ANY, buyer: [], forbidden: [] } },
      { code: 'Z', name: 'Zero rated', rulePrefix: 'Z', rate: 'zero', breakdownEntries: 'exactly-one', exemptionReason: 'forbidden', zeroTax: true, identifiers: { seller: SELLER_ANY, buyer: [], forbidden: [] } },
      { code: 'E', name: 'Exempt from VAT', rulePrefix: 'E', rate: 'zero', breakdownEntries: 'exactly-one', exemptionReason: 'required', zeroTax: true, identifiers: { seller: SELLER_ANY, buyer: [], forbidden: [] } },
      { code: 'AE', name: 'Reverse charge', rulePrefix: 'AE', rate: 'zero', breakdownEntries: 'exactly-one', exemptionReason: 'required', zeroTax: true, identifiers: { seller: SELLER_ANY, buyer: ['BT-48', 'BT-47'], forbidden: [] }, defaultExemptionReasonCode: 'VATEX-EU-AE', defaultExemptionReason: 'Reverse charge' },
      { code: 'K', name: 'Intra-community supply', rulePrefix: 'IC', rate: 'zero', breakdownEntries: 'exactly-one', exemptionReason: 'required', zeroTax: true, identifiers: { seller: SELLER_VAT, buyer: ['BT-48'], forbidden: [] }, defaultExemptionReasonCode: 'VATEX-EU-IC', defaultExemptionReason: 'Intra-community supply' },
      { code: 'G', name: 'Export outside the EU', rulePrefix: 'G', rate: 'zero', breakdownEntries: 'exactly-one', exemptionReason: 'required', zeroTax: true, identifiers: { seller: SELLER_VAT, buyer: [], forbidden: [] }, defaultExemptionReasonCode: 'VATEX-EU-G', defaultExemptionReason: 'Export outside the EU' },
      { code: 'O', name: 'Not subject to VAT', rulePrefix: 'O', rate: 'absent', breakdownEntries: 'exactly-one', exemptionReason: 'required', zeroTax: true, identifiers: { seller: [], buyer: [], forbidden: ['BT-31', 'BT-63', 'BT-48'] }, defaultExemptionReasonCode: 'VATEX-EU-O', defaultExemptionReason: 'Not subject to VAT' },
      { code: 'L', name: 'IGIC (Canary Islands general indirect tax)', rulePrefix: 'AF', rate: 'zero-or-positive', breakdownEntries: 'at-least-one', exemptionReason: 'forbidden', zeroTax: false, identifiers: { seller: SELLER_ANY, buyer: [], forbidden: [] } },
      { code: 'M', name: 'IPSI (tax for production, services and importation in Ceuta and Melilla)', rulePrefix: 'AG', rate: 'zero-or-positive', breakdownEntries: 'at-least-one', exemptionReason: 'forbidden', zeroTax: false, identifiers: { seller: SELLER_ANY, buyer: [], forbidden: [] } },
      { code: 'B', name: 'Split payment (Italy)', rulePrefix: 'B', rate: 'any', breakdownEntries: 'any', exemptionReason: 'free', zeroTax: false, identifiers: { seller: [], buyer: [], forbidden: [] } },
    ] satisfies VatCategoryRules[]
  ).map((c) => [c.code, c] as const),
);

/** The parts of a document the VAT category rules look at, besides the calculated parts. */
export interface VatCheckDocument extends CalculableDocument {
  readonly seller: {
    readonly vatIdentifier?: string | undefined;
    readonly taxRegistration?: { readonly id: string } | undefined;
    readonly postalAddress: { readonly countryCode: string };
  };
  readonly buyer: {
    readonly vatIdentifier?: string | undefined;
    readonly legalRegistrationIdentifier?: { readonly id: string } | undefined;
    readonly postalAddress: { readonly countryCode: string };
  };
  readonly taxRepresentative?: { readonly vatIdentifier: string } | undefined;
  readonly delivery?:
    | { readonly actualDeliveryDate?: string | undefined; readonly address?: { readonly countryCode: string } | undefined }
    | undefined;
  readonly invoicePeriod?: { readonly startDate?: string | undefined; readonly endDate?: string | undefined } | undefined;
}

const TERM_NAMES: Record<string, string> = {
  'BT-31': 'Seller VAT identifier (BT-31)',
  'BT-32': 'Seller tax registration identifier (BT-32)',
  'BT-63': 'Seller tax representative VAT identifier (BT-63)',
  'BT-47': 'Buyer legal registration identifier (BT-47)',
  'BT-48': 'Buyer VAT identifier (BT-48)',
};
const TERM_PATHS: Record<string, string> = {
  'BT-31': 'seller.vatIdentifier',
  'BT-32': 'seller.taxRegistration',
  'BT-63': 'taxRepresentative.vatIdentifier',
  'BT-47': 'buyer.legalRegistrationIdentifier',
  'BT-48': 'buyer.vatIdentifier',
};

function present(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

function identifierPresence(doc: VatCheckDocument): Record<string, boolean> {
  return {
    'BT-31': present(doc.seller.vatIdentifier),
    'BT-32': present(doc.seller.taxRegistration?.id),
    'BT-63': present(doc.taxRepresentative?.vatIdentifier),
    'BT-47': present(doc.buyer.legalRegistrationIdentifier?.id),
    'BT-48': present(doc.buyer.vatIdentifier),
  };
}

function orList(terms: readonly string[]): string {
  return terms.map((t) => TERM_NAMES[t] ?? t).join(' or ');
}

interface Use {
  /** 'line' (BR-x-02/05), 'allowance' (03/06) or 'charge' (04/07). */
  readonly where: 'line' | 'allowance' | 'charge';
  readonly path: string;
  readonly rate: Decimal | undefined;
  readonly amount: Decimal;
}

const USE_RULE = { line: { ids: '02', rate: '05', codeTerm: 'BT-151', rateTerm: 'BT-152' }, allowance: { ids: '03', rate: '06', codeTerm: 'BT-95', rateTerm: 'BT-96' }, charge: { ids: '04', rate: '07', codeTerm: 'BT-102', rateTerm: 'BT-103' } } as const;

function rateProblem(rule: RateRule, rate: Decimal | undefined): string | undefined {
  switch (rule) {
    case 'positive':
      return rate !== undefined && rate.gt(0) ? undefined : 'must be greater than zero';
    case 'zero':
      return rate !== undefined && rate.isZero() ? undefined : 'must be 0';
    case 'zero-or-positive':
      return rate !== undefined && rate.gte(0) ? undefined : 'must be 0 or greater';
    case 'absent':
      return rate === undefined ? undefined : 'must be left out';
    case 'any':
      return undefined;
  }
}

function issue(code: string, path: string, businessTerm: string, message: string): Issue {
  return { code, severity: 'error', path, businessTerm, message };
}

/**
 * Checks every VAT category rule of EN 16931 (BR-S-01 .. BR-AG-10, BR-IC-11/12, BR-O-11..14,
 * BR-B-01/02) on a document: rates per category, one or more breakdown entries, taxable and
 * tax amounts per breakdown entry, exemption reasons required or forbidden, and the seller
 * and buyer identifiers each category needs or forbids. Each finding uses the official rule id
 * as its `code` and names the business terms and the fix in its message.
 *
 * Run it on a calculated document (`calculateTotals`): the taxable/tax amount rules
 * (BR-x-08/09) compare the breakdown with the lines as they stand.
 *
 * @param doc - the document
 * @returns the findings, all with severity `error` (every rule is fatal); empty when all hold
 * @example
 * const issues = checkVatCategories(calculateTotals(doc));
 * issues.map((i) => i.code); // e.g. ['BR-E-10'] when an exempt breakdown has no reason
 */
export function checkVatCategories(doc: VatCheckDocument): Issue[] {
  const issues: Issue[] = [];
  const uses = new Map<string, Use[]>();
  const addUse = (code: string, use: Use): void => {
    const list = uses.get(code);
    if (list === undefined) uses.set(code, [use]);
    else list.push(use);
  };
  doc.lines.forEach((line, i) =>
    addUse(line.item.vatCategory.code, { where: 'line', path: `lines.${i}.item.vatCategory`, rate: line.item.vatCategory.rate, amount: line.netAmount }),
  );
  doc.allowanceCharges.forEach((ac, i) =>
    addUse(ac.vatCategory.code, {
      where: ac.kind,
      path: `allowanceCharges.${i}.vatCategory`,
      rate: ac.vatCategory.rate,
      amount: ac.kind === 'charge' ? ac.amount : ac.amount.negated(),
    }),
  );
  const has = identifierPresence(doc);

  for (const [code, list] of uses) {
    const rules = VAT_CATEGORIES.get(code);
    if (rules === undefined) continue; // unknown codes are BR-CL-18, reported by checkCalculationInput
    const p = rules.rulePrefix;
    const entries = doc.vatBreakdown.filter((e) => e.category.code === code);
    // BR-x-01: the breakdown must show the category.
    if (rules.breakdownEntries === 'at-least-one' && entries.length === 0) {
      issues.push(issue(`BR-${p}-01`, 'vatBreakdown', 'BT-118', `Lines, allowances or charges use VAT category ${code} (${rules.name}) but the VAT breakdown (BG-23) has no entry for it: calculate the document (calculateTotals) to build the breakdown.`));
    }
    if (rules.breakdownEntries === 'exactly-one' && entries.length !== 1) {
      issues.push(issue(`BR-${p}-01`, 'vatBreakdown', 'BT-118', `VAT category ${code} (${rules.name}) must appear exactly once in the VAT breakdown (BG-23), found ${entries.length}: give every ${code} line, allowance and charge the same rate${rules.rate === 'absent' ? ' (none)' : ' (0)'} and calculate the document.`));
    }
    for (const where of ['line', 'allowance', 'charge'] as const) {
      const these = list.filter((u) => u.where === where);
      const first = these[0];
      if (first === undefined) continue;
      const r = USE_RULE[where];
      const what = where === 'line' ? 'an invoice line' : `a document level ${where}`;
      // BR-x-02/03/04: identifiers the category needs or forbids.
      const id = rules.identifiers;
      if (id.seller.length > 0 && !id.seller.some((t) => has[t])) {
        issues.push(issue(`BR-${p}-${r.ids}`, TERM_PATHS[id.seller[0] ?? 'BT-31'] ?? 'seller', id.seller[0] ?? 'BT-31', `${what} with VAT category ${code} (${rules.name}) needs the ${orList(id.seller)}: set seller.vatIdentifier${id.seller.includes('BT-32') ? ' or seller.taxRegistration' : ''} (or a tax representative).`));
      }
      if (id.buyer.length > 0 && !id.buyer.some((t) => has[t])) {
        issues.push(issue(`BR-${p}-${r.ids}`, TERM_PATHS[id.buyer[0] ?? 'BT-48'] ?? 'buyer', id.buyer[0] ?? 'BT-48', `${what} with VAT category ${code} (${rules.name}) needs the ${orList(id.buyer)}: set buyer.vatIdentifier${id.buyer.includes('BT-47') ? ' or buyer.legalRegistrationIdentifier' : ''}.`));
      }
      const forbidden = id.forbidden.filter((t) => has[t]);
      if (forbidden.length > 0) {
        issues.push(issue(`BR-${p}-${r.ids}`, TERM_PATHS[forbidden[0] ?? 'BT-31'] ?? 'seller', forbidden[0] ?? 'BT-31', `${what} with VAT category ${code} (${rules.name}) must not come with the ${orList(forbidden)}: a supply outside the scope of VAT carries no VAT identifiers; remove them or use another category.`));
      }
      // BR-x-05/06/07: the rate.
      for (const use of these) {
        const problem = rateProblem(rules.rate, use.rate);
        if (problem !== undefined) {
          issues.push(issue(`BR-${p}-${r.rate}`, `${use.path}.rate`, r.rateTerm, `The VAT rate (${r.rateTerm}) of ${what} with VAT category ${code} (${rules.name}) ${problem}${use.rate === undefined ? '' : `, got ${use.rate.toFixed()}`}.`));
        }
      }
    }
  }

  doc.vatBreakdown.forEach((entry, i) => {
    const code = entry.category.code;
    const rules = VAT_CATEGORIES.get(code);
    if (rules === undefined) return;
    const p = rules.rulePrefix;
    const path = `vatBreakdown.${i}`;
    // BR-x-08: the taxable amount is the sum of what uses the category (per rate for S, L, M).
    if (rules.code !== 'B') {
      const perRate = rules.breakdownEntries === 'at-least-one';
      const rate = entry.category.rate;
      const sources = (uses.get(code) ?? []).filter(
        (u) => !perRate || (u.rate === undefined ? rate === undefined : rate !== undefined && u.rate.eq(rate)),
      );
      const expected = sources.reduce((sum, u) => sum.plus(u.amount), new Decimal(0));
      if (!expected.eq(entry.taxableAmount)) {
        issues.push(issue(`BR-${p}-08`, `${path}.taxableAmount`, 'BT-116', `The taxable amount (BT-116) of the VAT category ${code}${perRate && rate !== undefined ? ` ${rate.toFixed()} %` : ''} entry is ${entry.taxableAmount.toFixed()} but its lines, allowances and charges add up to ${expected.toFixed()}: calculate the document (calculateTotals).`));
      }
      // BR-x-09: the tax amount.
      const expectedTax = rules.zeroTax ? new Decimal(0) : calculateVatAmount(entry.taxableAmount, rate);
      if (!expectedTax.eq(entry.taxAmount)) {
        issues.push(issue(`BR-${p}-09`, `${path}.taxAmount`, 'BT-117', `The tax amount (BT-117) of the VAT category ${code} entry must be ${expectedTax.toFixed(2)}${rules.zeroTax ? ` (no VAT is charged under ${rules.name})` : ' (taxable amount x rate / 100, rounded to cents)'}, got ${entry.taxAmount.toFixed()}.`));
      }
    }
    // BR-x-10: exemption reason.
    const hasReason = present(entry.category.exemptionReason) || present(entry.category.exemptionReasonCode);
    if (rules.exemptionReason === 'required' && !hasReason) {
      const hint = rules.defaultExemptionReasonCode === undefined ? 'the legal basis of the exemption, e.g. a VATEX-EU-132-* code' : `"${rules.defaultExemptionReasonCode}" / "${rules.defaultExemptionReason ?? ''}"`;
      issues.push(issue(`BR-${p}-10`, `${path}.category.exemptionReasonCode`, 'BT-121', `The VAT breakdown entry for category ${code} (${rules.name}) needs a VAT exemption reason code (BT-121) or text (BT-120): give ${hint}.`));
    }
    if (rules.exemptionReason === 'forbidden' && hasReason) {
      issues.push(issue(`BR-${p}-10`, `${path}.category.exemptionReason`, 'BT-120', `The VAT breakdown entry for category ${code} (${rules.name}) must not have a VAT exemption reason (BT-120/BT-121): remove it; only exempt and zero-tax categories such as E, AE, K, G and O carry one.`));
    }
  });

  const codes = new Set(doc.vatBreakdown.map((e) => e.category.code));
  if (codes.has('K')) {
    // BR-IC-11/12: an intra-community supply must say when and where it was delivered.
    const period = doc.invoicePeriod;
    if (!present(doc.delivery?.actualDeliveryDate) && !present(period?.startDate) && !present(period?.endDate)) {
      issues.push(issue('BR-IC-11', 'delivery.actualDeliveryDate', 'BT-72', 'An intra-community supply (VAT category K) needs the actual delivery date (BT-72) or an invoicing period (BG-14): set delivery.actualDeliveryDate or invoicePeriod.'));
    }
    if (!present(doc.delivery?.address?.countryCode)) {
      issues.push(issue('BR-IC-12', 'delivery.address.countryCode', 'BT-80', 'An intra-community supply (VAT category K) needs the deliver-to country code (BT-80): set delivery.address.countryCode.'));
    }
  }
  if (codes.has('O')) {
    // BR-O-11..14: "not subject to VAT" cannot be mixed with any other category.
    if (doc.vatBreakdown.some((e) => e.category.code !== 'O')) {
      issues.push(issue('BR-O-11', 'vatBreakdown', 'BT-118', 'A document with VAT category O (not subject to VAT) must not have other VAT breakdown entries: issue separate documents for the supplies outside the scope of VAT.'));
    }
    const lineIndex = doc.lines.findIndex((l) => l.item.vatCategory.code !== 'O');
    if (lineIndex >= 0) issues.push(issue('BR-O-12', `lines.${lineIndex}.item.vatCategory.code`, 'BT-151', 'A document with VAT category O (not subject to VAT) must have category O on every line.'));
    const allowanceIndex = doc.allowanceCharges.findIndex((ac) => ac.kind === 'allowance' && ac.vatCategory.code !== 'O');
    if (allowanceIndex >= 0) issues.push(issue('BR-O-13', `allowanceCharges.${allowanceIndex}.vatCategory.code`, 'BT-95', 'A document with VAT category O (not subject to VAT) must have category O on every document level allowance.'));
    const chargeIndex = doc.allowanceCharges.findIndex((ac) => ac.kind === 'charge' && ac.vatCategory.code !== 'O');
    if (chargeIndex >= 0) issues.push(issue('BR-O-14', `allowanceCharges.${chargeIndex}.vatCategory.code`, 'BT-102', 'A document with VAT category O (not subject to VAT) must have category O on every document level charge.'));
  }
  if (uses.has('B')) {
    // BR-B-01: split payment exists only in Italian domestic invoicing.
    if (doc.seller.postalAddress.countryCode !== 'IT' || doc.buyer.postalAddress.countryCode !== 'IT') {
      issues.push(issue('BR-B-01', 'seller.postalAddress.countryCode', 'BT-40', 'VAT category B (split payment) is only for domestic Italian invoices: seller (BT-40) and buyer (BT-55) country must both be IT.'));
    }
    // BR-B-02: split payment and standard rate do not mix.
    if (uses.has('S')) {
      issues.push(issue('BR-B-02', 'vatBreakdown', 'BT-118', 'VAT category B (split payment) and S (standard rated) must not appear in the same document: use B for all taxable supplies of an Italian split-payment invoice.'));
    }
  }
  return issues;
}
