/**
 * Builders: friendly input -> complete, calculated self-billed documents, and corrections.
 */
export { createSelfBilledCreditNote, createSelfBilledInvoice } from './create.js';
export type { BuildOptions } from './create.js';
export { createCorrection, toSelfBilledInput } from './correction.js';
export type { CorrectionOptions, Replacement } from './correction.js';
export {
  DocumentAllowanceChargeInputSchema,
  LineAllowanceChargeInputSchema,
  LineInputSchema,
  SelfBilledInputSchema,
  VatExemptionInputSchema,
} from './input.js';
export type { ParsedSelfBilledInput, SelfBilledInput } from './input.js';
export { businessTermOf, describeAt, issuesFromZod } from './issues.js';
