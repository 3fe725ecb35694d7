/**
 * Makes an N-line self-billed invoice from the official SB-base-example by repeating its two
 * lines (2800 and -1500 EUR, both S 25 %) and restating the totals so the document stays
 * arithmetically valid (the validation benchmark must not measure thousands of failures).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Decimal } from '../src/model/decimal.js';

/** Path of an official example in the shared reference data. */
export function examplePath(name: string): string {
  return resolve(process.cwd(), '../shared/peppol-sb/examples', name);
}

/**
 * Returns SB-base-example with `lineCount` lines (an even number) and consistent totals.
 *
 * @example
 * const xml = makeLargeInvoice(1000);
 */
export function makeLargeInvoice(lineCount: number): string {
  const source = readFileSync(examplePath('SB-base-example.xml'), 'utf8');
  const first = source.indexOf('<cac:InvoiceLine>');
  const end = source.lastIndexOf('</Invoice>');
  const lines = source.slice(first, end).match(/<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/g) ?? [];
  if (lines.length !== 2) throw new Error('SB-base-example changed: expected two lines');
  const repeated: string[] = [];
  for (let i = 0; i < lineCount; i++) {
    repeated.push((lines[i % 2] ?? '').replace(/<cbc:ID>\d+<\/cbc:ID>/, `<cbc:ID>${i + 1}</cbc:ID>`));
  }
  const pairs = new Decimal(Math.floor(lineCount / 2));
  const lineTotal = pairs.times(1300).plus(lineCount % 2 === 1 ? 2800 : 0);
  const taxBase = lineTotal.plus(25);
  const tax = taxBase.times('0.25').toDecimalPlaces(2);
  const withTax = taxBase.plus(tax);
  const amount = (name: string, value: Decimal) => (xml: string) =>
    xml.replace(new RegExp(`<cbc:${name} currencyID="EUR">[^<]*</cbc:${name}>`, 'g'), `<cbc:${name} currencyID="EUR">${value.toFixed(2)}</cbc:${name}>`);
  let head = source.slice(0, first);
  for (const f of [
    amount('LineExtensionAmount', lineTotal),
    amount('TaxExclusiveAmount', taxBase),
    amount('TaxInclusiveAmount', withTax),
    amount('PayableAmount', withTax),
    amount('TaxAmount', tax),
    amount('TaxableAmount', taxBase),
  ]) head = f(head);
  return `${head}${repeated.join('\n')}\n</Invoice>\n`;
}
