/** TEST-ONLY: an agreement and a matching builder input for the process tests. */
import type { SelfBilledInput } from '../../src/build/input.js';
import type { SelfBillingAgreementInput } from '../../src/process/agreement.js';

export function agreementInput(): SelfBillingAgreementInput {
  return {
    id: 'SBA-2024-17',
    customer: { name: 'Groothandel Noord BV', endpoint: { id: '12345678', schemeId: '0106' }, vatIdentifier: 'NL123456789B01' },
    supplier: { name: 'Kwekerij De Tuin', endpoint: { id: '7300010000001', schemeId: '0088' }, vatIdentifier: 'NL987654321B01' },
    validFrom: '2024-01-01',
    validUntil: '2024-12-31',
    documentKinds: ['389', '261'],
    numbering: { prefix: 'GN-TUIN-', width: 4, next: 1 },
    acceptance: { mode: 'tacit', days: 14 },
    requiredReferences: ['contract', 'buyer-reference'],
    contractReference: 'SBA-2024-17',
    maximumAmount: { amount: '50000', currencyCode: 'EUR' },
  };
}

export function invoiceInput(invoiceNumber = 'GN-TUIN-0001'): SelfBilledInput {
  return {
    invoiceNumber,
    issueDate: '2024-04-01',
    currencyCode: 'EUR',
    buyerReference: 'INKOOP-7',
    contractReference: 'SBA-2024-17',
    seller: {
      name: 'Kwekerij De Tuin',
      endpoint: { id: '7300010000001', schemeId: '0088' },
      postalAddress: { line1: 'Tuinweg 1', city: 'Aalsmeer', postCode: '1431 AA', countryCode: 'NL' },
      vatIdentifier: 'NL987654321B01',
    },
    buyer: {
      name: 'Groothandel Noord BV',
      endpoint: { id: '12345678', schemeId: '0106' },
      postalAddress: { line1: 'Havenstraat 9', city: 'Groningen', postCode: '9712 AB', countryCode: 'NL' },
      vatIdentifier: 'NL123456789B01',
    },
    paymentInstructions: [{ typeCode: '30', creditTransfer: { accountId: 'NL91ABNA0417164300' } }],
    lines: [
      { quantity: '120', unitCode: 'H87', item: { name: 'Tulpen, bos van 10', vatCategory: { code: 'S', rate: '9' } }, price: { netPrice: '4.25' } },
      { quantity: '30', unitCode: 'H87', item: { name: 'Potgrond 40 l', vatCategory: { code: 'S', rate: '21' } }, price: { netPrice: '3.10' } },
    ],
  };
}
