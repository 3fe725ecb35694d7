/**
 * BG-25 INVOICE LINE as `cac:InvoiceLine` (Invoice) or `cac:CreditNoteLine` (CreditNote),
 * with its item (BG-31, BG-30 VAT, BG-32 attributes) and price (BG-29).
 */
import type { Item, Line, Price } from '../../model/line.js';
import { writeLineAllowanceCharges } from './allowance-charge.js';
import { writePeriod } from './references.js';
import { writeVatScheme } from './tax.js';
import type { UblWriter } from './writer.js';

const LINE_PERIOD_TERMS = ['BT-134 Invoice line period start date', 'BT-135 Invoice line period end date'] as const;

/**
 * Writes every line, in model order.
 *
 * @param w - the writer
 * @param lines - the lines (at least one: BR-16)
 * @param creditNote - true for `cac:CreditNoteLine` with `cbc:CreditedQuantity`
 * @throws UblSerializeError `MISSING-REQUIRED` when there is no line
 * @example
 * writeLines(w, doc.lines, doc.documentType === 'CreditNote');
 */
export function writeLines(w: UblWriter, lines: readonly Line[], creditNote: boolean): void {
  if (lines === undefined || lines === null || lines.length === 0) {
    throw w.error('MISSING-REQUIRED', 'BG-25 Invoice line', 'lines', 'needs at least one line (BR-16)');
  }
  const element = creditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine';
  const quantity = creditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
  w.enter('lines');
  for (let i = 0; i < lines.length; i++) {
    const line = w.requiredGroup(lines[i], 'BG-25 Invoice line', i);
    w.enter(i);
    writeLine(w, line, element, quantity);
    w.leave();
  }
  w.leave();
}

/**
 * InvoiceLineType order: ID, Note, quantity, LineExtensionAmount, AccountingCost,
 * InvoicePeriod, OrderLineReference, DocumentReference, AllowanceCharge, Item, Price.
 * (CreditNoteLineType has the same order for the elements Peppol uses.)
 */
function writeLine(w: UblWriter, line: Line, element: string, quantity: string): void {
  w.start(element);
  w.requiredText('cbc:ID', line.id, 'BT-126 Invoice line identifier', 'id');
  w.text('cbc:Note', line.note, 'BT-127 Invoice line note', 'note');
  const unitCode = w.requiredString(line.unitCode, 'BT-130 Invoiced quantity unit of measure', 'unitCode');
  w.requiredDecimal(quantity, line.quantity, 'BT-129 Invoiced quantity', 'quantity', { unitCode });
  w.requiredAmount('cbc:LineExtensionAmount', line.netAmount, 'BT-131 Invoice line net amount', 'netAmount');
  w.text('cbc:AccountingCost', line.buyerAccountingReference, 'BT-133 Invoice line Buyer accounting reference', 'buyerAccountingReference');
  writePeriod(w, line.period, LINE_PERIOD_TERMS, 'period');
  w.start('cac:OrderLineReference');
  w.text('cbc:LineID', line.orderLineReference, 'BT-132 Referenced purchase order line reference', 'orderLineReference');
  w.end();
  const object = line.objectIdentifier;
  if (object !== undefined) {
    w.enter('objectIdentifier');
    w.start('cac:DocumentReference');
    w.requiredText('cbc:ID', object.id, 'BT-128 Invoice line object identifier', 'id', { schemeID: object.schemeId });
    // Type code 130 marks the reference as BT-128 (the only use Peppol makes of it).
    w.constant('cbc:DocumentTypeCode', '130');
    w.end();
    w.leave();
  }
  writeLineAllowanceCharges(w, line.allowanceCharges);
  writeItem(w, w.requiredGroup(line.item, 'BG-31 Item information', 'item'));
  writePrice(w, w.requiredGroup(line.price, 'BG-29 Price details', 'price'));
  w.end();
}

/**
 * ItemType order: Description, Name, BuyersItemIdentification, SellersItemIdentification,
 * StandardItemIdentification, OriginCountry, CommodityClassification,
 * ClassifiedTaxCategory, AdditionalItemProperty.
 */
function writeItem(w: UblWriter, item: Item): void {
  w.enter('item');
  w.start('cac:Item');
  w.text('cbc:Description', item.description, 'BT-154 Item description', 'description');
  w.requiredText('cbc:Name', item.name, 'BT-153 Item name', 'name');
  w.start('cac:BuyersItemIdentification');
  w.text('cbc:ID', item.buyersIdentifier, "BT-156 Item Buyer's identifier", 'buyersIdentifier');
  w.end();
  w.start('cac:SellersItemIdentification');
  w.text('cbc:ID', item.sellersIdentifier, "BT-155 Item Seller's identifier", 'sellersIdentifier');
  w.end();
  const standard = item.standardIdentifier;
  if (standard !== undefined) {
    w.enter('standardIdentifier');
    w.start('cac:StandardItemIdentification');
    w.requiredText('cbc:ID', standard.id, 'BT-157 Item standard identifier', 'id', { schemeID: standard.schemeId });
    w.end();
    w.leave();
  }
  w.start('cac:OriginCountry');
  w.text('cbc:IdentificationCode', item.originCountry, 'BT-159 Item country of origin', 'originCountry');
  w.end();
  const classes = item.classifications;
  if (classes !== undefined) {
    w.enter('classifications');
    for (let i = 0; i < classes.length; i++) {
      const c = w.requiredGroup(classes[i], 'BT-158 Item classification identifier', i);
      w.enter(i);
      w.start('cac:CommodityClassification');
      w.requiredText('cbc:ItemClassificationCode', c.code, 'BT-158 Item classification identifier', 'code', {
        listID: c.listId,
        listVersionID: c.listVersionId,
      });
      w.end();
      w.leave();
    }
    w.leave();
  }
  const vat = w.requiredGroup(item.vatCategory, 'BG-30 Line VAT information', 'vatCategory');
  w.enter('vatCategory');
  w.start('cac:ClassifiedTaxCategory');
  w.requiredText('cbc:ID', vat.code, 'BT-151 Invoiced item VAT category code', 'code');
  w.decimal('cbc:Percent', vat.rate, 'BT-152 Invoiced item VAT rate', 'rate');
  writeVatScheme(w);
  w.end();
  w.leave();
  const attributes = item.attributes;
  if (attributes !== undefined) {
    w.enter('attributes');
    for (let i = 0; i < attributes.length; i++) {
      const a = w.requiredGroup(attributes[i], 'BG-32 Item attributes', i);
      w.enter(i);
      w.start('cac:AdditionalItemProperty');
      w.requiredText('cbc:Name', a.name, 'BT-160 Item attribute name', 'name');
      // ItemPropertyType allows no Value, but EN 16931 pairs every name with a value.
      w.requiredText('cbc:Value', a.value, 'BT-161 Item attribute value', 'value');
      w.end();
      w.leave();
    }
    w.leave();
  }
  w.end();
  w.leave();
}

/**
 * PriceType order: PriceAmount, BaseQuantity, AllowanceCharge. The price allowance carries
 * BT-147 (discount) and BT-148 (gross price); when only the gross price is known its
 * amount is gross minus net, the discount the net price implies (unrounded: unit prices
 * keep full precision).
 */
function writePrice(w: UblWriter, price: Price): void {
  w.enter('price');
  w.start('cac:Price');
  w.requiredAmount('cbc:PriceAmount', price.netPrice, 'BT-146 Item net price', 'netPrice');
  w.decimal('cbc:BaseQuantity', price.baseQuantity, 'BT-149 Item price base quantity', 'baseQuantity', {
    unitCode: price.baseQuantityUnitCode,
  });
  if (price.discount !== undefined || price.grossPrice !== undefined) {
    w.start('cac:AllowanceCharge');
    w.constant('cbc:ChargeIndicator', 'false');
    if (price.discount !== undefined) {
      w.requiredAmount('cbc:Amount', price.discount, 'BT-147 Item price discount', 'discount');
    } else {
      w.requiredAmount('cbc:Amount', grossMinusNet(w, price), 'BT-147 Item price discount', 'grossPrice');
    }
    w.amount('cbc:BaseAmount', price.grossPrice, 'BT-148 Item gross price', 'grossPrice');
    w.end();
  }
  w.end();
  w.leave();
}

function grossMinusNet(w: UblWriter, price: Price): Price['netPrice'] {
  const gross = price.grossPrice;
  if (gross === undefined || typeof gross.minus !== 'function') {
    throw w.error('INVALID-VALUE', 'BT-148 Item gross price', 'grossPrice', 'must be a Decimal');
  }
  return gross.minus(price.netPrice);
}
