/**
 * The harness's mutation catalogue: for one base document, a reproducible (seeded) list
 * of recipes (see mutate.mjs). Families: amounts (±0.01, ±1.00, ×-1, tolerance
 * boundaries of the VAT breakdown), removal of each element type once, VAT category
 * swaps, rates, exemption reasons, unknown codes, bad dates, duplicates, type codes,
 * specification/profile identifiers, identifier schemes, empty elements, extra decimals.
 */

/** mulberry32, seeded from a string. */
function rng(seedText) {
  let h = 1779033703 ^ seedText.length;
  for (let i = 0; i < seedText.length; i++) {
    h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SB_CUSTOMIZATION = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:selfbilling:3.0';
const CATEGORIES = ['S', 'Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M', 'B', 'XX'];
const SCHEMES = ['0088', '0192', '0184', '0208', '0201', '0210', '0211', '0007', '0151', '0096', '0198', '0106', '0190', '9944', '0217', '9907', '0002', '9999', '9901'];

/**
 * @param {string} xml the base document
 * @param {ReturnType<import('./mutate.mjs').readElements>} elements its elements
 * @param {{ seed: number, label: string, max: number }} options
 * @returns {{ name: string, ops: object[] }[]}
 */
export function generateMutations(xml, elements, { seed, label, max }) {
  const rand = rng(`${seed}:${label}`);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const out = [];
  const add = (name, ...ops) => out.push({ name, ops });
  const count = (path) => elements.filter((e) => e.path === path || e.path.endsWith(`/${path}`)).length;
  const has = (path) => count(path) > 0;
  const text = (e) => xml.slice(e.contentStart, e.contentEnd).trim();
  const isInvoice = /<(?:\w+:)?Invoice[\s>]/.test(xml.slice(0, 2000));
  const lineTag = isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine';

  // Amounts: every money element is a candidate; a few random ones get each change.
  const amounts = elements.filter((e) => e.leaf && /currencyID=/.test(xml.slice(e.start, e.contentStart)) && /^-?\d+(\.\d+)?$/.test(text(e)));
  const amountPaths = [...new Set(amounts.map((e) => e.path.split('/').slice(-2).join('/')))];
  for (const [op, value] of [['add', '0.01'], ['add', '-0.01'], ['add', '1.00'], ['add', '-1.00'], ['scale', '-1'], ['add', '0.001']]) {
    for (let k = 0; k < 2 && amountPaths.length > 0; k++) {
      const path = pick(amountPaths);
      add(`amount ${path} ${op} ${value}`, { op, path, index: Math.floor(rand() * count(path)), value });
    }
  }
  // VAT breakdown tolerance boundaries (BR-x-08 / BR-x-09, BR-CO-17).
  for (const path of ['cac:TaxSubtotal/cbc:TaxableAmount', 'cac:TaxSubtotal/cbc:TaxAmount']) {
    if (!has(path)) continue;
    for (const value of ['0.99', '1.00', '1.01', '-0.99', '-1.00', '-1.01', '0.50']) add(`boundary ${path} +${value}`, { op: 'add', path, value });
  }
  if (has(`${lineTag}/cbc:LineExtensionAmount`)) {
    for (const value of ['0.99', '1.00', '-1.00', '0.02', '0.03']) add(`line net +${value}`, { op: 'add', path: `${lineTag}/cbc:LineExtensionAmount`, value });
  }
  // Remove each element type once (sampled).
  const paths = [...new Set(elements.slice(1).map((e) => e.path.split('/').slice(1).join('/')))];
  const removable = paths.filter((p) => !/^cbc:(CustomizationID)$/.test(p));
  for (let k = 0; k < Math.min(25, removable.length); k++) {
    const p = removable.splice(Math.floor(rand() * removable.length), 1)[0];
    add(`remove ${p}`, { op: 'remove', path: p });
  }
  // VAT categories, rates, exemption reasons.
  for (const path of ['cac:ClassifiedTaxCategory/cbc:ID', 'cac:TaxSubtotal/cac:TaxCategory/cbc:ID', 'cac:AllowanceCharge/cac:TaxCategory/cbc:ID']) {
    if (!has(path)) continue;
    for (let k = 0; k < 3; k++) {
      const c = pick(CATEGORIES);
      add(`category ${path} ${c}`, { op: 'set', path, index: Math.floor(rand() * count(path)), value: c });
    }
  }
  if (has('cac:ClassifiedTaxCategory/cbc:ID') && has('cac:TaxSubtotal/cac:TaxCategory/cbc:ID')) {
    const c = pick(['Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M']);
    add(`category everywhere ${c}`,
      ...Array.from({ length: count('cac:ClassifiedTaxCategory/cbc:ID') }, (_, i) => ({ op: 'set', path: 'cac:ClassifiedTaxCategory/cbc:ID', index: i, value: c })),
      ...Array.from({ length: count('cac:TaxCategory/cbc:ID') }, (_, i) => ({ op: 'set', path: 'cac:TaxCategory/cbc:ID', index: i, value: c })));
  }
  for (const path of ['cac:ClassifiedTaxCategory/cbc:Percent', 'cac:TaxSubtotal/cac:TaxCategory/cbc:Percent', 'cac:AllowanceCharge/cac:TaxCategory/cbc:Percent']) {
    if (!has(path)) continue;
    for (const value of ['0', '25', '12.5', '-5', '25.00']) add(`rate ${path} ${value}`, { op: 'set', path, index: Math.floor(rand() * count(path)), value });
    add(`remove ${path}`, { op: 'remove', path });
  }
  for (const path of ['cbc:TaxExemptionReason', 'cbc:TaxExemptionReasonCode']) if (has(path)) add(`remove ${path}`, { op: 'remove', path });
  if (has('cac:TaxSubtotal/cac:TaxCategory/cbc:ID')) {
    for (const code of ['VATEX-EU-G', 'VATEX-EU-O', 'VATEX-EU-IC', 'VATEX-EU-AE', 'VATEX-EU-D', 'vatex-eu-f', 'VATEX-EU-I', 'VATEX-EU-J', 'VATEX-EU-79-C'])
      add(`exemption code ${code}`, { op: 'after', path: 'cac:TaxSubtotal/cac:TaxCategory/cbc:ID', value: `<cbc:TaxExemptionReasonCode>${code}</cbc:TaxExemptionReasonCode>` });
    add('exemption reason text', { op: 'after', path: 'cac:TaxSubtotal/cac:TaxCategory/cbc:ID', value: '<cbc:TaxExemptionReason>Exempt</cbc:TaxExemptionReason>' });
  }
  if (has('cac:ClassifiedTaxCategory/cbc:ID'))
    add('exemption code on line VATEX-EU-G', { op: 'after', path: 'cac:ClassifiedTaxCategory/cbc:ID', value: '<cbc:TaxExemptionReasonCode>VATEX-EU-G</cbc:TaxExemptionReasonCode>' });
  // Unknown codes.
  const codeSets = [
    ['cbc:DocumentCurrencyCode', ['XYZ', 'eur', 'NOK']], ['cac:Country/cbc:IdentificationCode', ['XX', 'EL', 'UK']],
    ['cbc:PaymentMeansCode', ['999', '49', '59', '58', 'ZZZ']], ['cbc:InvoicedQuantity', null], ['cbc:AllowanceChargeReasonCode', ['999', 'ZZZ', '95', 'AAA']],
    ['cac:InvoicePeriod/cbc:DescriptionCode', ['3', '4']], ['cbc:Note', ['#XXX#hello', '#AAI#hello', 'Our #AAI# note', 'Order #XYZ# x', 'See #ABCD#', 'Ref #A1#']],
    ['cbc:DocumentCurrencyCode', ['MRU', 'ZWL']],
  ];
  for (const [path, values] of codeSets) if (has(path) && values) for (const v of values) add(`code ${path} ${v}`, { op: 'set', path, value: v });
  if (has('cbc:InvoicedQuantity')) add('unit code XYZ', { op: 'attr', path: 'cbc:InvoicedQuantity', attr: 'unitCode', value: 'XYZ' });
  if (has('cbc:CreditedQuantity')) add('unit code XYZ', { op: 'attr', path: 'cbc:CreditedQuantity', attr: 'unitCode', value: 'XYZ' });
  if (amounts.length > 0) {
    const a = pick(amounts);
    add('currencyID USD', { op: 'attr', path: a.path.split('/').slice(-2).join('/'), index: 0, attr: 'currencyID', value: 'USD' });
  }
  if (has('cac:TaxTotal/cbc:TaxAmount')) add('tax total currency SEK', { op: 'attr', path: 'cac:TaxTotal/cbc:TaxAmount', attr: 'currencyID', value: 'SEK' });
  if (has('cbc:EmbeddedDocumentBinaryObject')) add('mime code', { op: 'attr', path: 'cbc:EmbeddedDocumentBinaryObject', attr: 'mimeCode', value: 'application/xml' });
  if (has('cbc:EmbeddedDocumentBinaryObject')) add('mime code spaced', { op: 'attr', path: 'cbc:EmbeddedDocumentBinaryObject', attr: 'mimeCode', value: ' application/pdf' });
  for (const path of ['cac:AccountingSupplierParty/cac:Party/cbc:EndpointID', 'cac:AccountingCustomerParty/cac:Party/cbc:EndpointID', 'cac:PartyIdentification/cbc:ID', 'cac:PartyLegalEntity/cbc:CompanyID']) {
    if (!has(path)) continue;
    for (let k = 0; k < 3; k++) {
      const s = pick(SCHEMES);
      add(`scheme ${path} ${s}`, { op: 'attr', path, attr: 'schemeID', value: s });
    }
  }
  // Bad dates.
  for (const path of ['cbc:IssueDate', 'cbc:DueDate', 'cbc:TaxPointDate', 'cac:InvoicePeriod/cbc:StartDate', 'cac:InvoicePeriod/cbc:EndDate', 'cbc:ActualDeliveryDate', 'cac:PaymentMeans/cbc:PaymentDueDate']) {
    if (!has(path)) continue;
    add(`date ${path} bad`, { op: 'set', path, value: pick(['2024-13-01', '2024-1-1', '20240101', '2024-02-30', ' 2024-01-01']) });
  }
  if (has(`${lineTag}/cac:InvoicePeriod/cbc:StartDate`)) add('line period start early', { op: 'set', path: `${lineTag}/cac:InvoicePeriod/cbc:StartDate`, value: '1999-01-01' });
  if (has(`${lineTag}/cac:InvoicePeriod/cbc:EndDate`)) add('line period end late', { op: 'set', path: `${lineTag}/cac:InvoicePeriod/cbc:EndDate`, value: '2999-12-31' });
  if (has('cac:InvoicePeriod/cbc:StartDate')) add('period start late', { op: 'set', path: 'cac:InvoicePeriod/cbc:StartDate', value: '2999-01-01' });
  // Duplicates.
  for (const path of ['cbc:Note', 'cac:TaxTotal', 'cbc:ProfileID', 'cac:AdditionalDocumentReference', 'cac:PaymentMeans', 'cac:TaxSubtotal', 'cac:Price/cac:AllowanceCharge', 'cac:DocumentReference', 'cac:ClassifiedTaxCategory', 'cac:PaymentMeans/cac:PaymentMandate', 'cac:PaymentMeans/cac:CardAccount'])
    if (has(path)) add(`duplicate ${path}`, { op: 'duplicate', path });
  // Type codes, specification and profile identifiers.
  if (has('cbc:InvoiceTypeCode')) for (const v of ['380', '381', '261', '527', '999']) add(`type code ${v}`, { op: 'set', path: 'cbc:InvoiceTypeCode', value: v });
  if (has('cbc:CreditNoteTypeCode')) for (const v of ['381', '389', '262', '999']) add(`type code ${v}`, { op: 'set', path: 'cbc:CreditNoteTypeCode', value: v });
  for (const v of ['urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0', `${SB_CUSTOMIZATION}::2.1`, `${SB_CUSTOMIZATION}#conformant#urn:x`, ` ${SB_CUSTOMIZATION} `])
    add(`customization ${v}`, { op: 'set', path: 'cbc:CustomizationID', value: v });
  for (const v of ['urn:fdc:peppol.eu:2017:poacc:billing:01:1.0', 'urn:fdc:peppol.eu:2017:poacc:selfbilling:02:1.0', 'urn:fdc:peppol.eu:2017:poacc:selfbilling:1:1.0', 'xurn:fdc:peppol.eu:2017:poacc:selfbilling:01:1.0'])
    if (has('cbc:ProfileID')) add(`profile ${v}`, { op: 'set', path: 'cbc:ProfileID', value: v });
  if (has('cac:TaxTotal')) add('tax currency code', { op: 'after', path: 'cbc:DocumentCurrencyCode', value: '<cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>' });
  // Empty elements.
  const leaves = elements.filter((e) => e.leaf && e.contentEnd > e.contentStart);
  for (let k = 0; k < 3 && leaves.length > 0; k++) {
    const e = pick(leaves);
    const p = e.path.split('/').slice(-2).join('/');
    add(`empty ${p}`, { op: 'empty', path: p, index: elements.filter((x) => x.path.endsWith(`/${p}`) || x.path === p).indexOf(e) });
  }
  // Allowance/charge details.
  if (has('cac:AllowanceCharge/cbc:MultiplierFactorNumeric')) add('remove multiplier', { op: 'remove', path: 'cac:AllowanceCharge/cbc:MultiplierFactorNumeric' });
  if (has('cac:AllowanceCharge/cbc:BaseAmount')) add('base amount +1', { op: 'add', path: 'cac:AllowanceCharge/cbc:BaseAmount', value: '1.00' });
  if (has('cac:AllowanceCharge/cbc:ChargeIndicator')) {
    add('charge indicator TRUE', { op: 'set', path: 'cac:AllowanceCharge/cbc:ChargeIndicator', value: 'TRUE' });
    for (const v of ['yes', ' false ', '0', '1']) add(`charge indicator '${v}'`, { op: 'set', path: 'cac:AllowanceCharge/cbc:ChargeIndicator', value: v });
    add('charge indicator empty', { op: 'empty', path: 'cac:AllowanceCharge/cbc:ChargeIndicator' });
  }
  // Tax schemes: a category without one is not a VAT category for most VAT category rules.
  for (const path of ['cac:TaxSubtotal/cac:TaxCategory/cac:TaxScheme', 'cac:ClassifiedTaxCategory/cac:TaxScheme', 'cac:AllowanceCharge/cac:TaxCategory/cac:TaxScheme']) {
    if (has(path)) add(`no tax scheme on any ${path.split('/').slice(-2, -1)[0]}`, ...Array.from({ length: count(path) }, () => ({ op: 'remove', path })));
  }
  if (has('cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:ID'))
    add('line tax scheme GST', ...Array.from({ length: count('cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:ID') }, (_, i) => ({ op: 'set', path: 'cac:ClassifiedTaxCategory/cac:TaxScheme/cbc:ID', index: i, value: 'GST' })));
  if (has('cac:Price/cbc:BaseQuantity')) for (const v of ['0', '-1', '2']) add(`base quantity ${v}`, { op: 'set', path: 'cac:Price/cbc:BaseQuantity', value: v });
  // Spread the sample over the whole catalogue (the first `max` would always drop the later families).
  if (out.length <= max) return out;
  return Array.from({ length: max }, (_, i) => out[Math.floor((i * out.length) / max)]);
}
