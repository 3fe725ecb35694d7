import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCorrection } from '../../src/build/correction.js';
import { createSelfBilledInvoice } from '../../src/build/create.js';
import type { Document, SelfBilledInvoice } from '../../src/model/document.js';
import { participantOf, peppolRouting } from '../../src/process/routing.js';
import { BILLING_CUSTOMIZATION_ID, BILLING_PROFILE_ID, SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID } from '../../src/profiles/profiles.js';
import { parseUbl } from '../../src/ubl/parse/index.js';
import { invoiceInput } from './support.js';

function invoice(): SelfBilledInvoice {
  const r = createSelfBilledInvoice(invoiceInput());
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data as SelfBilledInvoice;
}
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('participantOf', () => {
  it('writes the participant id in iso6523-actorid-upis::scheme:id form', () => {
    expect(participantOf({ id: ' 7300010000001 ', schemeId: '0088' })).toEqual({ scheme: '0088', id: '7300010000001', participantId: 'iso6523-actorid-upis::0088:7300010000001' });
  });
  it('has no participant for a missing or empty endpoint', () => {
    expect(participantOf(undefined)).toBeUndefined();
    expect(participantOf({ id: ' ', schemeId: '0088' })).toBeUndefined();
  });
});

describe('peppolRouting', () => {
  it('routes a self-billed invoice from the customer (BT-49) to the supplier (BT-34)', () => {
    expect(peppolRouting(invoice())).toEqual({
      success: true,
      data: {
        sender: { scheme: '0106', id: '12345678', participantId: 'iso6523-actorid-upis::0106:12345678' },
        receiver: { scheme: '0088', id: '7300010000001', participantId: 'iso6523-actorid-upis::0088:7300010000001' },
        documentTypeId: `urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##${SELF_BILLING_CUSTOMIZATION_ID}::2.1`,
        documentTypeIdScheme: 'busdox-docid-qns',
        processId: SELF_BILLING_PROFILE_ID,
        processIdScheme: 'cenbii-procid-ubl',
      },
      issues: [],
    });
  });
  it('gives a credit note the CreditNote document type and the same process', () => {
    const r = createCorrection(invoice(), { mode: 'credit-note', number: 'GN-TUIN-0002', issueDate: '2024-04-04' });
    if (!r.success) return expect.fail(JSON.stringify(r.issues));
    const route = peppolRouting(r.data);
    expect(route.success && route.data.documentTypeId).toBe(`urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##${SELF_BILLING_CUSTOMIZATION_ID}::2.1`);
    expect(route.success && route.data.processId).toBe('urn:fdc:peppol.eu:2017:poacc:selfbilling:01:1.0');
    expect(route.success && route.data.sender.participantId).toBe('iso6523-actorid-upis::0106:12345678');
  });
  it('routes the official example the same way detectProfile reads it from the XML', () => {
    const xml = readFileSync(resolve(process.cwd(), '../shared/peppol-sb/examples/SB-base-example.xml'), 'utf8');
    const parsed = parseUbl(xml);
    if (!parsed.success) return expect.fail(JSON.stringify(parsed.issues));
    const route = peppolRouting(parsed.data);
    expect(route.success && route.data.receiver.participantId).toBe('iso6523-actorid-upis::0088:9482348239847239874');
  });
  it('reports a missing sender endpoint (BT-49), which the model allows', () => {
    const doc = invoice();
    const { endpoint: _e, ...buyer } = doc.buyer;
    const r = peppolRouting({ ...doc, buyer });
    expect(r.success).toBe(false);
    expect(r.issues.map((i) => [i.code, i.businessTerm])).toEqual([['SENDER-ENDPOINT-MISSING', 'BT-49']]);
  });
  it('reports a missing receiver endpoint (BT-34), and both when both are missing', () => {
    const doc = invoice();
    const { endpoint: _s, ...seller } = doc.seller;
    const { endpoint: _b, ...buyer } = doc.buyer;
    expect(codes(peppolRouting({ ...doc, seller }).issues)).toEqual(['RECEIVER-ENDPOINT-MISSING']);
    expect(codes(peppolRouting({ ...doc, seller, buyer }).issues)).toEqual(['SENDER-ENDPOINT-MISSING', 'RECEIVER-ENDPOINT-MISSING']);
  });
  it('refuses a self-billing type code under Peppol Billing identifiers, the common misrouting', () => {
    const r = peppolRouting({ ...invoice(), customizationId: BILLING_CUSTOMIZATION_ID, profileId: BILLING_PROFILE_ID });
    expect(r.issues.map((i) => [i.code, i.businessTerm])).toEqual([['SELF-BILLING-WITH-BILLING-IDENTIFIERS', 'BT-24']]);
    expect(r.issues[0]?.message).toMatch(/ordinary Peppol Billing invoice/);
  });
  it('refuses a billing type code under self-billing identifiers', () => {
    const doc = { ...invoice(), typeCode: '380' } as Document;
    expect(codes(peppolRouting(doc).issues)).toEqual(['BILLING-TYPE-WITH-SELF-BILLING-IDENTIFIERS']);
  });
  it('refuses a billing ProfileID under the self-billing CustomizationID', () => {
    expect(peppolRouting({ ...invoice(), profileId: BILLING_PROFILE_ID }).issues.map((i) => [i.code, i.businessTerm])).toEqual([['PROFILE-ID-MISMATCH', 'BT-23']]);
  });
  it('refuses a self-billing type code under an unknown CustomizationID', () => {
    expect(codes(peppolRouting({ ...invoice(), customizationId: 'urn:example:mine' }).issues)).toEqual(['UNKNOWN-CUSTOMIZATION-ID']);
  });
  it('refuses an ordinary billing invoice: it is routed the other way', () => {
    const doc = { ...invoice(), typeCode: '380', customizationId: BILLING_CUSTOMIZATION_ID, profileId: BILLING_PROFILE_ID } as Document;
    expect(codes(peppolRouting(doc).issues)).toEqual(['NOT-SELF-BILLING']);
  });
  it('returns issues, not exceptions, for something that is not a document', () => {
    expect(codes(peppolRouting(undefined as never).issues)).toEqual(['NOT-SELF-BILLING']);
    expect(peppolRouting({} as never).success).toBe(false);
  });
  it('does not change the document', () => {
    const doc = invoice();
    const before = JSON.stringify(doc);
    peppolRouting(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });
});
