/**
 * The identifiers of Peppol BIS Self-Billing 3.0, in a module without dependencies so that
 * profile detection and validation can use them without loading zod and the model.
 */

/**
 * BT-24 of Peppol BIS Self-Billing 3.0.
 *
 * @example
 * doc.customizationId === SELF_BILLING_CUSTOMIZATION_ID;
 */
export const SELF_BILLING_CUSTOMIZATION_ID =
  'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:selfbilling:3.0';

/**
 * BT-23 of Peppol BIS Self-Billing 3.0 (also the Peppol process identifier).
 *
 * @example
 * doc.profileId === SELF_BILLING_PROFILE_ID;
 */
export const SELF_BILLING_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:selfbilling:01:1.0';
