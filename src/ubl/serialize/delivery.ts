/**
 * BG-13 DELIVERY INFORMATION as `cac:Delivery`.
 */
import { DELIVER_TO_ADDRESS_TERMS } from '../../model/address.js';
import type { Delivery } from '../../model/delivery.js';
import { writeAddress } from './address.js';
import type { UblWriter } from './writer.js';

/**
 * Writes `cac:Delivery` in DeliveryType order: ActualDeliveryDate, DeliveryLocation
 * (ID, Address), DeliveryParty/PartyName/Name. Nothing is written when every field is empty.
 *
 * @param w - the writer
 * @param delivery - the delivery information, if any
 * @example
 * writeDelivery(w, doc.delivery);
 */
export function writeDelivery(w: UblWriter, delivery: Delivery | undefined): void {
  if (delivery === undefined) return;
  w.enter('delivery');
  w.start('cac:Delivery');
  w.text('cbc:ActualDeliveryDate', delivery.actualDeliveryDate, 'BT-72 Actual delivery date', 'actualDeliveryDate');
  w.start('cac:DeliveryLocation');
  const location = delivery.locationIdentifier;
  if (location !== undefined) {
    w.enter('locationIdentifier');
    w.requiredText('cbc:ID', location.id, 'BT-71 Deliver to location identifier', 'id', { schemeID: location.schemeId });
    w.leave();
  }
  writeAddress(w, 'cac:Address', delivery.address, DELIVER_TO_ADDRESS_TERMS, 'address', false);
  w.end();
  w.start('cac:DeliveryParty');
  w.start('cac:PartyName');
  w.text('cbc:Name', delivery.partyName, 'BT-70 Deliver to party name', 'partyName');
  w.end();
  w.end();
  w.end();
  w.leave();
}
