/**
 * `cac:InvoiceLine` / `cac:CreditNoteLine` <-> BG-25 with BG-26 period, BG-27/28 allowances
 * and charges, BG-29 price, BG-30 line VAT, BG-31 item and BG-32 item attributes.
 */
import {
  COUNTRY_CODES,
  ITEM_CLASSIFICATION_CODES,
  REFERENCE_SCHEME_CODES,
  UNIT_CODES,
} from '../../model/codes/index.js';
import type { Item, Line, Price } from '../../model/line.js';
import { readLineAllowanceCharge } from './allowance-charge.js';
import type { ReadContext } from './context.js';
import { readIdentifier } from './party.js';
import { readVatCategory } from './tax.js';
import { defined, MISSING_AMOUNT } from './util.js';
import type { XmlElement } from './xml.js';

/**
 * Reads one invoice or credit note line.
 *
 * @param ctx - reading context
 * @param el - the line element
 * @param isCreditNote - CreditNote lines carry `cbc:CreditedQuantity` instead of `cbc:InvoicedQuantity`
 * @returns the line
 * @example
 * const lines = ctx.all(root, 'cac:InvoiceLine').map((l) => readLine(ctx, l, false));
 */
export function readLine(ctx: ReadContext, el: XmlElement, isCreditNote: boolean): Line {
  const quantityKey = isCreditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
  const quantityEl = ctx.one(el, quantityKey);
  let quantity = MISSING_AMOUNT;
  let unitCode = '';
  if (quantityEl === undefined) {
    ctx.missing(el, quantityKey, 'BT-129 Invoiced quantity');
  } else {
    quantity = ctx.decimalOf(quantityEl, 'BT-129 Invoiced quantity') ?? MISSING_AMOUNT;
    unitCode = readUnitCode(ctx, quantityEl, 'BT-130 Invoiced quantity unit of measure code', true) ?? '';
  }
  const periodEl = ctx.one(el, 'cac:InvoicePeriod');
  const docRef = ctx.one(el, 'cac:DocumentReference');
  const allowanceCharges = ctx.all(el, 'cac:AllowanceCharge').map((ac) => readLineAllowanceCharge(ctx, ac));
  return defined({
    id: ctx.requiredText(el, 'cbc:ID', 'BT-126 Invoice line identifier'),
    note: ctx.text(el, 'cbc:Note', 'BT-127 Invoice line note'),
    quantity,
    unitCode,
    netAmount: ctx.amount(el, 'cbc:LineExtensionAmount', 'BT-131 Invoice line net amount', { required: true }) ?? MISSING_AMOUNT,
    buyerAccountingReference: ctx.text(el, 'cbc:AccountingCost', 'BT-133 Invoice line Buyer accounting reference'),
    period:
      periodEl === undefined
        ? undefined
        : defined({
            startDate: ctx.date(periodEl, 'cbc:StartDate', 'BT-134 Invoice line period start date'),
            endDate: ctx.date(periodEl, 'cbc:EndDate', 'BT-135 Invoice line period end date'),
          }),
    orderLineReference: ctx.textAt(el, ['cac:OrderLineReference', 'cbc:LineID'], 'BT-132 Referenced purchase order line reference'),
    objectIdentifier: docRef === undefined ? undefined : readLineObject(ctx, docRef),
    allowanceCharges,
    item: readItem(ctx, el),
    price: readPrice(ctx, el),
  });
}

/** `cac:DocumentReference` on a line: BT-128 (type code 130). */
function readLineObject(ctx: ReadContext, ref: XmlElement): Line['objectIdentifier'] {
  const idEl = ctx.one(ref, 'cbc:ID');
  const schemeId = ctx.attr(idEl, 'schemeID');
  if (schemeId !== undefined) {
    ctx.checkCode(schemeId, REFERENCE_SCHEME_CODES, 'UNCL 1153', 'BT-128-1 Invoice line object identifier scheme', idEl, 'schemeID');
  }
  const typeEl = ctx.one(ref, 'cbc:DocumentTypeCode');
  const typeCode = typeEl?.text();
  if (typeEl !== undefined && typeCode !== '130') {
    ctx.report(
      'warning',
      'DROPPED-VALUE',
      `Line document reference type code "${typeCode ?? ''}" is not kept: the model reads a line document reference as the invoice line object identifier (BT-128), type code 130.`,
      typeEl,
      { businessTerm: 'BT-128' },
    );
  }
  if (typeEl === undefined) {
    ctx.report(
      'warning',
      'VALUE-NORMALIZED',
      'The line object identifier (BT-128) has no document type code: serializeUbl writes it with type code 130, as Peppol requires.',
      ref,
      { businessTerm: 'BT-128' },
    );
  }
  const id = idEl?.text() ?? '';
  if (id === '') ctx.missing(ref, 'cbc:ID', 'BT-128 Invoice line object identifier');
  return defined({ id, schemeId });
}

function readUnitCode(ctx: ReadContext, el: XmlElement, term: string, required: boolean): string | undefined {
  const unit = ctx.attr(el, 'unitCode');
  if (unit === undefined || unit === '') {
    if (required) {
      ctx.report('error', 'MISSING-ATTRIBUTE', `${term} is mandatory: add unitCode with a UN/ECE Recommendation 20 code (e.g. unitCode="C62" for pieces).`, el, {
        path: `${el.path}/@unitCode`,
        businessTerm: term.split(' ')[0] as string,
      });
    }
    return undefined;
  }
  ctx.checkCode(unit, UNIT_CODES, 'UN/ECE Recommendation 20', term, el, 'unitCode');
  return unit;
}

/** BG-31 Item information with BG-30 and BG-32. */
function readItem(ctx: ReadContext, line: XmlElement): Item {
  const item = ctx.one(line, 'cac:Item');
  if (item === undefined) {
    ctx.missing(line, 'cac:Item/cbc:Name', 'BT-153 Item name');
    return { name: '', classifications: [], vatCategory: { code: '' }, attributes: [] };
  }
  const classifications: Item['classifications'][number][] = [];
  for (const cc of ctx.all(item, 'cac:CommodityClassification')) {
    const codeEl = ctx.one(cc, 'cbc:ItemClassificationCode');
    if (codeEl === undefined) continue;
    const listId = ctx.attr(codeEl, 'listID');
    if (listId === undefined || listId === '') {
      ctx.report('error', 'MISSING-ATTRIBUTE', 'BT-158-1 Item classification identifier scheme is mandatory: add listID with a UNCL 7143 code (e.g. listID="STI").', codeEl, {
        path: `${codeEl.path}/@listID`,
        businessTerm: 'BT-158-1',
      });
    } else {
      ctx.checkCode(listId, ITEM_CLASSIFICATION_CODES, 'UNCL 7143', 'BT-158-1 Item classification identifier scheme', codeEl, 'listID');
    }
    classifications.push(defined({ code: codeEl.text(), listId: listId ?? '', listVersionId: ctx.attr(codeEl, 'listVersionID') }));
  }
  const attributes: Item['attributes'][number][] = [];
  for (const p of ctx.all(item, 'cac:AdditionalItemProperty')) {
    attributes.push({
      name: ctx.requiredText(p, 'cbc:Name', 'BT-160 Item attribute name'),
      value: ctx.text(p, 'cbc:Value', 'BT-161 Item attribute value', { required: true }) ?? '',
    });
  }
  return defined({
    description: ctx.text(item, 'cbc:Description', 'BT-154 Item description'),
    name: ctx.requiredText(item, 'cbc:Name', 'BT-153 Item name'),
    buyersIdentifier: ctx.textAt(item, ['cac:BuyersItemIdentification', 'cbc:ID'], "BT-156 Item Buyer's identifier"),
    sellersIdentifier: ctx.textAt(item, ['cac:SellersItemIdentification', 'cbc:ID'], "BT-155 Item Seller's identifier"),
    standardIdentifier: readIdentifier(ctx, ctx.one(ctx.one(item, 'cac:StandardItemIdentification'), 'cbc:ID')),
    originCountry: ctx.code(ctx.one(item, 'cac:OriginCountry'), 'cbc:IdentificationCode', COUNTRY_CODES, 'ISO 3166-1 alpha-2', 'BT-159 Item country of origin'),
    classifications,
    vatCategory: readVatCategory(
      ctx,
      item,
      ctx.one(item, 'cac:ClassifiedTaxCategory'),
      'cac:ClassifiedTaxCategory',
      'BT-151 Invoiced item VAT category code',
      'BT-152 Invoiced item VAT rate',
    ),
    attributes,
  });
}

/** BG-29 Price details; the price discount travels as `cac:Price/cac:AllowanceCharge`. */
function readPrice(ctx: ReadContext, line: XmlElement): Price {
  const price = ctx.one(line, 'cac:Price');
  if (price === undefined) {
    ctx.missing(line, 'cac:Price/cbc:PriceAmount', 'BT-146 Item net price');
    return { netPrice: MISSING_AMOUNT };
  }
  const baseEl = ctx.one(price, 'cbc:BaseQuantity');
  const ac = ctx.one(price, 'cac:AllowanceCharge');
  if (ac !== undefined) {
    const indicator = ctx.one(ac, 'cbc:ChargeIndicator')?.text();
    if (indicator !== 'false' && indicator !== '0') {
      ctx.report(
        'warning',
        'DROPPED-VALUE',
        `A price charge (ChargeIndicator "${indicator ?? ''}") is read as a price discount (BT-147): UBL prices carry allowances only. Check the gross price (BT-148).`,
        ac,
        { businessTerm: 'BT-147' },
      );
    }
  }
  return defined({
    netPrice: ctx.amount(price, 'cbc:PriceAmount', 'BT-146 Item net price', { required: true }) ?? MISSING_AMOUNT,
    baseQuantity: baseEl === undefined ? undefined : ctx.decimalOf(baseEl, 'BT-149 Item price base quantity'),
    baseQuantityUnitCode: baseEl === undefined ? undefined : readUnitCode(ctx, baseEl, 'BT-150 Item price base quantity unit of measure code', false),
    discount: ctx.amount(ac, 'cbc:Amount', 'BT-147 Item price discount'),
    grossPrice: ctx.amount(ac, 'cbc:BaseAmount', 'BT-148 Item gross price'),
  });
}
