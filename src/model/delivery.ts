import { z } from 'zod';
import { DELIVER_TO_ADDRESS_TERMS, makeAddressSchema } from './address.js';
import { DateSchema, IdentifierSchema } from './primitives.js';
import type { DeepReadonly } from './readonly.js';

/**
 * BG-13 DELIVERY INFORMATION.
 *
 * @example
 * DeliverySchema.parse({ actualDeliveryDate: '2024-03-15', partyName: 'Warehouse 3', address: { countryCode: 'SE' } });
 */
export const DeliverySchema = z
  .object({
    actualDeliveryDate: DateSchema.optional().describe('BT-72 Actual delivery date'),
    locationIdentifier: IdentifierSchema.optional().describe('BT-71 Deliver to location identifier'),
    address: makeAddressSchema(DELIVER_TO_ADDRESS_TERMS).optional().describe('BG-15 Deliver to address'),
    partyName: z.string().optional().describe('BT-70 Deliver to party name'),
  })
  .describe('BG-13 Delivery information');
/** See {@link DeliverySchema}. */
export type Delivery = DeepReadonly<z.infer<typeof DeliverySchema>>;
