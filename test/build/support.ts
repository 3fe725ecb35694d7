/** TEST-ONLY: a valid builder input. */
import type { SelfBilledInput } from '../../src/build/input.js';

export function validInput(): SelfBilledInput {
  return {
    invoiceNumber: 'SB-2024-001',
    issueDate: '2024-04-01',
    currencyCode: 'EUR',
    buyerReference: 'PO-4711',
    seller: { name: 'Supplier AB', endpoint: { id: '7300010000001', schemeId: '0088' }, postalAddress: { countryCode: 'SE' }, vatIdentifier: 'SE556677889901' },
    buyer: { name: 'Customer AS', endpoint: { id: '987654321', schemeId: '0192' }, postalAddress: { countryCode: 'NO' }, vatIdentifier: 'NO987654321MVA' },
    lines: [
      { quantity: '7', unitCode: 'DAY', item: { name: 'Consulting', vatCategory: { code: 'S', rate: '25' } }, price: { netPrice: '400' } },
      { quantity: '3', item: { name: 'Books', vatCategory: { code: 'S', rate: '6' } }, price: { netPrice: '33.335' }, allowanceCharges: [{ kind: 'allowance', reason: 'Discount', percentage: '10', baseAmount: '100.01' }] },
    ],
    allowanceCharges: [{ kind: 'charge', reason: 'Freight', amount: '25', vatCategory: { code: 'S', rate: '25' } }],
    paidAmount: '100',
  };
}
