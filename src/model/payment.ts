import { z } from 'zod';
import { PAYMENT_MEANS_CODES } from './codes/index.js';
import { codeSchema, TextSchema } from './primitives.js';
import type { DeepReadonly } from './readonly.js';

/**
 * BG-17 CREDIT TRANSFER: the account the payment goes to.
 *
 * @example
 * CreditTransferSchema.parse({ accountId: 'NO9386011117947', serviceProviderId: 'DNBANOKK' });
 */
export const CreditTransferSchema = z
  .object({
    accountId: TextSchema.describe('BT-84 Payment account identifier (IBAN or other)'),
    accountName: z.string().optional().describe('BT-85 Payment account name'),
    serviceProviderId: z.string().optional().describe('BT-86 Payment service provider identifier (BIC)'),
  })
  .describe('BG-17 Credit transfer');

/**
 * BG-18 PAYMENT CARD INFORMATION. Only the last digits of the card number may be given.
 *
 * @example
 * CardPaymentSchema.parse({ primaryAccountNumber: '1234', networkId: 'VISA' });
 */
export const CardPaymentSchema = z
  .object({
    primaryAccountNumber: TextSchema.describe('BT-87 Payment card primary account number (last 4-6 digits)'),
    networkId: TextSchema.describe('Card network (cbc:NetworkID), e.g. VISA'),
    holderName: z.string().optional().describe('BT-88 Payment card holder name'),
  })
  .describe('BG-18 Payment card information');

/**
 * BG-19 DIRECT DEBIT. The creditor identifier (BT-90) travels with the seller or payee identifiers.
 *
 * @example
 * DirectDebitSchema.parse({ mandateReference: 'MANDATE-7', debitedAccountId: 'DE89370400440532013000' });
 */
export const DirectDebitSchema = z
  .object({
    mandateReference: z.string().optional().describe('BT-89 Mandate reference identifier'),
    debitedAccountId: z.string().optional().describe('BT-91 Debited account identifier'),
  })
  .describe('BG-19 Direct debit');

/**
 * BG-16 PAYMENT INSTRUCTIONS, one per `cac:PaymentMeans`.
 *
 * @example
 * PaymentInstructionSchema.parse({ typeCode: '30', remittanceInformation: 'SB-2024-001', creditTransfer: { accountId: 'SE1234' } });
 */
export const PaymentInstructionSchema = z
  .object({
    typeCode: codeSchema(PAYMENT_MEANS_CODES, 'UNCL 4461').describe('BT-81 Payment means type code'),
    typeText: z.string().optional().describe('BT-82 Payment means text (name attribute)'),
    remittanceInformation: z.string().optional().describe('BT-83 Remittance information'),
    card: CardPaymentSchema.optional(),
    creditTransfer: CreditTransferSchema.optional(),
    directDebit: DirectDebitSchema.optional(),
  })
  .describe('BG-16 Payment instructions');
/** See {@link PaymentInstructionSchema}. */
export type PaymentInstruction = DeepReadonly<z.infer<typeof PaymentInstructionSchema>>;
