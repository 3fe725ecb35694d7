/**
 * `cac:Delivery` <-> BG-13 Delivery information (with BG-15 deliver-to address).
 */
import { DELIVER_TO_ADDRESS_TERMS } from '../../model/address.js';
import type { Delivery } from '../../model/delivery.js';
import { readAddress } from './address.js';
import type { ReadContext } from './context.js';
import { readIdentifier } from './party.js';
import { defined } from './util.js';
import type { XmlElement } from './xml.js';

/**
 * Reads the first `cac:Delivery` (the model holds one delivery, as EN 16931 does).
 *
 * @param ctx - reading context
 * @param root - the document element
 * @returns the delivery information, or undefined when absent
 * @example
 * readDelivery(ctx, root); // { actualDeliveryDate: '2017-11-01', partyName: 'Delivery party Name', ... }
 */
export function readDelivery(ctx: ReadContext, root: XmlElement): Delivery | undefined {
  const el = ctx.one(root, 'cac:Delivery');
  if (el === undefined) return undefined;
  const location = ctx.one(el, 'cac:DeliveryLocation');
  const addressEl = ctx.one(location, 'cac:Address');
  return defined({
    actualDeliveryDate: ctx.date(el, 'cbc:ActualDeliveryDate', 'BT-72 Actual delivery date'),
    locationIdentifier: readIdentifier(ctx, ctx.one(location, 'cbc:ID')),
    address: addressEl === undefined ? undefined : readAddress(ctx, addressEl, DELIVER_TO_ADDRESS_TERMS),
    partyName: ctx.textAt(el, ['cac:DeliveryParty', 'cac:PartyName', 'cbc:Name'], 'BT-70 Deliver to party name'),
  });
}
