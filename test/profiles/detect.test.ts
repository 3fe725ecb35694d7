import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectProfile, readDocumentHeader } from '../../src/profiles/detect.js';
import { BILLING_CUSTOMIZATION_ID, BILLING_PROFILE_ID, SELF_BILLING_CUSTOMIZATION_ID, SELF_BILLING_PROFILE_ID } from '../../src/profiles/profiles.js';

const examples = resolve(__dirname, '../../../shared/peppol-sb/examples');
const invoice = readFileSync(resolve(examples, 'SB-base-example.xml'), 'utf8');
const creditNote = readFileSync(resolve(examples, 'SB-base-creditnote-correction.xml'), 'utf8');
const codes = (d: { diagnostics: readonly { code: string }[] }) => d.diagnostics.map((x) => x.code);

describe('detectProfile', () => {
  it('detects a self-billed invoice with its Peppol routing: the customer sends, the supplier receives', () => {
    const d = detectProfile(invoice);
    expect(d).toMatchObject({ profile: 'peppol-selfbilling-3.0', isSelfBilled: true, root: 'Invoice', typeCode: '389', customizationId: SELF_BILLING_CUSTOMIZATION_ID, profileId: SELF_BILLING_PROFILE_ID });
    expect(d.diagnostics).toEqual([]);
    expect(d.routing?.documentTypeId).toBe(`urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##${SELF_BILLING_CUSTOMIZATION_ID}::2.1`);
    expect(d.routing?.processId).toBe(SELF_BILLING_PROFILE_ID);
    expect(d.routing?.receiver).toEqual({ scheme: '0088', id: '9482348239847239874', participantId: 'iso6523-actorid-upis::0088:9482348239847239874' });
    expect(d.routing?.sender?.participantId).toMatch(/^iso6523-actorid-upis::\d{4}:.+/);
    expect(d.routing?.sender).not.toEqual(d.routing?.receiver);
  });

  it('gives a credit note the CreditNote document type id', () => {
    const d = detectProfile(creditNote);
    expect(d).toMatchObject({ profile: 'peppol-selfbilling-3.0', root: 'CreditNote', typeCode: '261', isSelfBilled: true });
    expect(d.routing?.documentTypeId).toBe(`urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##${SELF_BILLING_CUSTOMIZATION_ID}::2.1`);
  });

  it('flags self-billing type codes under billing identifiers', () => {
    const d = detectProfile({ root: 'Invoice', customizationId: BILLING_CUSTOMIZATION_ID, profileId: BILLING_PROFILE_ID, typeCode: '389' });
    expect(d.profile).toBe('peppol-billing-3.0');
    expect(d.isSelfBilled).toBe(true);
    expect(codes(d)).toEqual(['SELF-BILLING-TYPE-UNDER-BILLING']);
    expect(d.routing).toBeUndefined();
  });

  it('flags 380 and 381 under self-billing identifiers', () => {
    const inv = detectProfile({ root: 'Invoice', customizationId: SELF_BILLING_CUSTOMIZATION_ID, profileId: SELF_BILLING_PROFILE_ID, typeCode: '380' });
    const cn = detectProfile({ root: 'CreditNote', customizationId: SELF_BILLING_CUSTOMIZATION_ID, profileId: SELF_BILLING_PROFILE_ID, typeCode: '381' });
    expect(codes(inv)).toEqual(['BILLING-TYPE-UNDER-SELF-BILLING']);
    expect(codes(cn)).toEqual(['BILLING-TYPE-UNDER-SELF-BILLING']);
  });

  it('flags a CreditNote root carrying an invoice type code', () => {
    const d = detectProfile(creditNote.replace('>261<', '>389<'));
    expect(codes(d)).toContain('ROOT-TYPE-MISMATCH');
  });

  it('flags a missing ProfileID and a ProfileID of another profile', () => {
    expect(codes(detectProfile(invoice.replace(/<cbc:ProfileID>.*?<\/cbc:ProfileID>/, '')))).toEqual(['MISSING-PROFILE-ID']);
    expect(codes(detectProfile({ root: 'Invoice', customizationId: SELF_BILLING_CUSTOMIZATION_ID, profileId: BILLING_PROFILE_ID, typeCode: '389' }))).toEqual(['PROFILE-ID-MISMATCH']);
  });

  it('recognises XRechnung, NLCIUS and generic EN 16931 documents', () => {
    const ids = ['urn:cen.eu:en16931:2017#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0', 'urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0', 'urn:cen.eu:en16931:2017'];
    expect(ids.map((customizationId) => detectProfile({ root: 'Invoice', customizationId, typeCode: '380' }).profile)).toEqual(['xrechnung-3.0', 'nlcius', 'en16931']);
  });

  it('accepts extensions of the self-billing customization id', () => {
    expect(detectProfile({ root: 'Invoice', customizationId: `${SELF_BILLING_CUSTOMIZATION_ID}#compliant#urn:example:ext`, profileId: SELF_BILLING_PROFILE_ID, typeCode: '389' }).profile).toBe('peppol-selfbilling-3.0');
  });

  it('returns unknown with a diagnostic for text that is not a UBL document', () => {
    const d = detectProfile('not xml at all');
    expect(d).toMatchObject({ profile: 'unknown', isSelfBilled: false, root: '' });
    expect(codes(d)).toContain('MISSING-CUSTOMIZATION-ID');
  });

  it('reads the header of a document inside an SBDH envelope', () => {
    const sbd = `<StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"><StandardBusinessDocumentHeader/>${invoice.replace(/^<\?xml[^>]*>/, '')}</StandardBusinessDocument>`;
    expect(detectProfile(sbd).profile).toBe('peppol-selfbilling-3.0');
  });
});

describe('readDocumentHeader', () => {
  it('reads the header of a big document (speed: npm run bench)', () => {
    const line = invoice.match(/<cac:InvoiceLine>[\s\S]*?<\/cac:InvoiceLine>/)?.[0] ?? '';
    const big = invoice.replace(line, line.repeat(5000));
    const h = readDocumentHeader(big);
    expect(h).toMatchObject({ root: 'Invoice', typeCode: '389', supplierEndpoint: { scheme: '0088', id: '9482348239847239874' } });
  });
});
