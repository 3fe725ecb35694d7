import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appendAuditEntry,
  computeEntryHash,
  documentStatus,
  GENESIS_HASH,
  hashDocument,
  relatedDocuments,
  verifyAuditTrail,
  type AuditEntry,
  type AuditEventInput,
} from '../../src/process/audit.js';

const customer = { role: 'customer', id: 'erp@groothandel' } as const;
const supplier = { role: 'supplier', id: 'portal@kwekerij' } as const;
const ap = { role: 'access-point', id: 'iso6523-actorid-upis::0088:7300010000001' } as const;
const invoiceXml = '<Invoice>GN-TUIN-0001</Invoice>';
const creditXml = '<CreditNote>GN-TUIN-0002</CreditNote>';
const replacementXml = '<Invoice>GN-TUIN-0003</Invoice>';
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

function append(trail: readonly AuditEntry[], event: AuditEventInput): readonly AuditEntry[] {
  const r = appendAuditEntry(trail, event);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}

/** A trail of 11 entries: an invoice disputed, credited and replaced; the replacement accepted. */
function story(): readonly AuditEntry[] {
  const steps: AuditEventInput[] = [
    { at: '2024-04-01T09:00:00+02:00', actor: customer, action: 'create', documentId: 'GN-TUIN-0001', documentKind: '389', xml: invoiceXml },
    { at: '2024-04-01T09:01:00+02:00', actor: customer, action: 'send', documentId: 'GN-TUIN-0001' },
    { at: '2024-04-01T09:02:00+02:00', actor: ap, action: 'receive', documentId: 'GN-TUIN-0001' },
    { at: '2024-04-03T14:00:00+02:00', actor: supplier, action: 'dispute', documentId: 'GN-TUIN-0001', note: '110 bunches delivered, not 120' },
    { at: '2024-04-04T10:00:00+02:00', actor: customer, action: 'create', documentId: 'GN-TUIN-0002', documentKind: '261', xml: creditXml, relation: { kind: 'credits', documentId: 'GN-TUIN-0001' } },
    { at: '2024-04-04T10:00:01+02:00', actor: customer, action: 'credit', documentId: 'GN-TUIN-0001' },
    { at: '2024-04-04T10:01:00+02:00', actor: customer, action: 'send', documentId: 'GN-TUIN-0002' },
    { at: '2024-04-04T10:05:00+02:00', actor: customer, action: 'create', documentId: 'GN-TUIN-0003', documentKind: '389', xml: replacementXml, relation: { kind: 'replaces', documentId: 'GN-TUIN-0001' } },
    { at: '2024-04-04T10:06:00+02:00', actor: customer, action: 'send', documentId: 'GN-TUIN-0003' },
    { at: '2024-04-04T10:07:00+02:00', actor: ap, action: 'receive', documentId: 'GN-TUIN-0003' },
    { at: '2024-04-05T08:00:00+02:00', actor: supplier, action: 'accept', documentId: 'GN-TUIN-0003' },
  ];
  return steps.reduce(append, [] as readonly AuditEntry[]);
}

/** Re-hashes an entry after a change, the way a careful forger would. */
function rehash(entry: AuditEntry): AuditEntry {
  const { hash: _h, ...body } = entry;
  return { ...body, hash: computeEntryHash(body) };
}

describe('hashDocument', () => {
  it('is the SHA-256 of the exact UTF-8 bytes, as hex', () => {
    expect(hashDocument('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashDocument(new TextEncoder().encode('€'))).toBe(hashDocument('€'));
  });
  it('changes with a single byte, whitespace included', () => {
    expect(hashDocument('<a>1</a>')).not.toBe(hashDocument('<a>1</a>\n'));
  });
});

describe('appendAuditEntry', () => {
  it('chains entries: the first to the genesis hash, each later one to the one before', () => {
    const trail = story();
    expect(trail).toHaveLength(11);
    expect(trail[0]?.previousHash).toBe(GENESIS_HASH);
    for (let i = 1; i < trail.length; i++) expect(trail[i]?.previousHash).toBe(trail[i - 1]?.hash);
    expect(trail.map((e) => e.sequence)).toEqual([...Array(11).keys()]);
  });
  it('records the SHA-256 of the XML, and inherits it for later events', () => {
    const trail = story();
    expect(trail[0]?.documentHash).toBe(createHash('sha256').update(invoiceXml).digest('hex'));
    expect(trail[3]?.documentHash).toBe(trail[0]?.documentHash);
    expect(trail[3]).toMatchObject({ actor: supplier, action: 'dispute', note: '110 bunches delivered, not 120', documentKind: '389' });
  });
  it('returns a new frozen trail and leaves the old one as it was', () => {
    const trail = story();
    const longer = append(trail, { at: '2024-04-06T00:00:00Z', actor: ap, action: 'receive', documentId: 'GN-TUIN-0002' });
    expect(trail).toHaveLength(11);
    expect(longer).toHaveLength(12);
    expect(Object.isFrozen(longer) && Object.isFrozen(longer[11]) && Object.isFrozen(longer[11]?.actor)).toBe(true);
  });
  it('refuses an event the lifecycle does not allow, naming the document', () => {
    const r = appendAuditEntry(story(), { at: '2024-04-06T00:00:00Z', actor: supplier, action: 'accept', documentId: 'GN-TUIN-0001' });
    expect(codes(r.issues)).toEqual(['ILLEGAL-TRANSITION']);
    expect(r.issues[0]?.message).toMatch(/^GN-TUIN-0001: A credited document/);
  });
  it('refuses to credit a document before a credit note or negative invoice names it', () => {
    const trail = story().slice(0, 4);
    expect(codes(appendAuditEntry(trail, { at: '2024-04-04T00:00:00Z', actor: customer, action: 'credit', documentId: 'GN-TUIN-0001' }).issues)).toEqual(['CREDIT-WITHOUT-CORRECTION']);
  });
  it('accepts a negative invoice as what credits the original', () => {
    let trail: readonly AuditEntry[] = story().slice(0, 4);
    trail = append(trail, { at: '2024-04-04T00:00:00Z', actor: customer, action: 'create', documentId: 'GN-TUIN-0002', documentKind: '389', xml: '<Invoice>-1</Invoice>', relation: { kind: 'corrects', documentId: 'GN-TUIN-0001' } });
    trail = append(trail, { at: '2024-04-04T00:00:01Z', actor: customer, action: 'credit', documentId: 'GN-TUIN-0001' });
    expect(documentStatus(trail, 'GN-TUIN-0001')).toMatchObject({ success: true, data: { state: 'credited' } });
  });
  it('refuses a second creation, an unknown document and an unknown related document', () => {
    const trail = story();
    const at = '2024-04-06T00:00:00Z';
    expect(codes(appendAuditEntry(trail, { at, actor: customer, action: 'create', documentId: 'GN-TUIN-0001', documentKind: '389', xml: 'x' }).issues)).toEqual(['DOCUMENT-EXISTS']);
    expect(codes(appendAuditEntry(trail, { at, actor: customer, action: 'send', documentId: 'GN-TUIN-0099' }).issues)).toEqual(['DOCUMENT-UNKNOWN']);
    expect(codes(appendAuditEntry(trail, { at, actor: customer, action: 'create', documentId: 'GN-TUIN-0004', documentKind: '261', xml: 'x', relation: { kind: 'credits', documentId: 'GN-TUIN-0098' } }).issues)).toEqual(['RELATED-DOCUMENT-UNKNOWN']);
  });
  it('refuses relations that do not fit the document kinds', () => {
    const trail = story();
    const at = '2024-04-06T00:00:00Z';
    const create = (documentKind: '389' | '261', kind: 'credits' | 'replaces', target: string) => codes(appendAuditEntry(trail, { at, actor: customer, action: 'create', documentId: 'GN-TUIN-0004', documentKind, xml: 'x', relation: { kind, documentId: target } }).issues);
    expect(create('389', 'credits', 'GN-TUIN-0003')).toEqual(['INVALID-EVENT']);
    expect(create('261', 'replaces', 'GN-TUIN-0003')).toEqual(['INVALID-EVENT']);
    expect(create('389', 'replaces', 'GN-TUIN-0002')).toEqual(['INVALID-EVENT']);
  });
  it('refuses a creation without kind or XML', () => {
    const at = '2024-04-06T00:00:00Z';
    expect(appendAuditEntry([], { at, actor: customer, action: 'create', documentId: 'A', xml: 'x' }).issues[0]?.path).toBe('documentKind');
    expect(appendAuditEntry([], { at, actor: customer, action: 'create', documentId: 'A', documentKind: '389' }).issues[0]?.path).toBe('xml');
  });
  it('refuses malformed events with typed issues: zoneless time, unknown action, missing actor', () => {
    expect(codes(appendAuditEntry([], { at: '2024-04-01T09:00:00', actor: customer, action: 'create', documentId: 'A', documentKind: '389', xml: 'x' }).issues)).toEqual(['INVALID-TIMESTAMP']);
    expect(codes(appendAuditEntry([], { at: '2024-04-01T09:00:00Z', actor: customer, action: 'approve' as never, documentId: 'A' }).issues)).toEqual(['INVALID-EVENT']);
    expect(appendAuditEntry([], { at: '2024-04-01T09:00:00Z', action: 'send', documentId: 'A' } as never).issues.map((i) => i.path)).toEqual(['actor']);
    expect(codes(appendAuditEntry([], undefined as never).issues)).toEqual(['INVALID-EVENT']);
  });
  it('refuses an event dated before the last entry', () => {
    expect(codes(appendAuditEntry(story(), { at: '2024-04-05T05:59:59Z', actor: customer, action: 'send', documentId: 'GN-TUIN-0002' }).issues)).toEqual(['TIME-REVERSED']);
  });
  it('refuses to append to something that is not a trail this library wrote', () => {
    const event: AuditEventInput = { at: '2024-04-06T00:00:00Z', actor: customer, action: 'create', documentId: 'B', documentKind: '389', xml: 'x' };
    expect(codes(appendAuditEntry('trail' as never, event).issues)).toEqual(['TRAIL-INVALID']);
    expect(codes(appendAuditEntry([{ hello: 1 }] as never, event).issues)).toEqual(['TRAIL-INVALID']);
  });
});

describe('verifyAuditTrail', () => {
  it('accepts an untouched trail and reports its head', () => {
    const trail = story();
    expect(verifyAuditTrail(trail)).toEqual({ valid: true, length: 11, head: trail[10]?.hash });
    expect(verifyAuditTrail([])).toEqual({ valid: true, length: 0, head: GENESIS_HASH });
  });
  it('survives a JSON round trip (stored and read back)', () => {
    expect(verifyAuditTrail(JSON.parse(JSON.stringify(story())) as AuditEntry[]).valid).toBe(true);
  });
  it('names an edited entry (ENTRY-HASH-MISMATCH)', () => {
    const trail = [...story()];
    trail[3] = { ...trail[3]!, actor: { role: 'supplier', id: 'someone-else' } };
    expect(verifyAuditTrail(trail)).toMatchObject({ valid: false, index: 3, code: 'ENTRY-HASH-MISMATCH' });
  });
  it('names an entry whose document hash was swapped for another XML', () => {
    const trail = [...story()];
    trail[0] = { ...trail[0]!, documentHash: hashDocument('<Invoice>forged</Invoice>') };
    expect(verifyAuditTrail(trail)).toMatchObject({ valid: false, index: 0, code: 'ENTRY-HASH-MISMATCH' });
  });
  it('names the entry after an edited and re-hashed one (CHAIN-BROKEN)', () => {
    const trail = [...story()];
    trail[3] = rehash({ ...trail[3]!, at: '2024-04-02T14:00:00+02:00' });
    expect(verifyAuditTrail(trail)).toMatchObject({ valid: false, index: 4, code: 'CHAIN-BROKEN' });
  });
  it('names the position of a removed entry (SEQUENCE-MISMATCH)', () => {
    const trail = story().filter((_, i) => i !== 5);
    const v = verifyAuditTrail(trail);
    expect(v).toMatchObject({ valid: false, index: 5, code: 'SEQUENCE-MISMATCH' });
    expect(!v.valid && v.message).toMatch(/1 entry was removed before it/);
  });
  it('names an inserted entry, even a re-hashed one that links to its predecessor', () => {
    const trail = [...story()];
    const forged = rehash({ ...trail[4]!, documentId: 'GN-TUIN-0009', previousHash: trail[4]!.hash, sequence: 5 });
    trail.splice(5, 0, forged);
    expect(verifyAuditTrail(trail)).toMatchObject({ valid: false, index: 6, code: 'SEQUENCE-MISMATCH' });
    const naive = [...story()];
    naive.splice(5, 0, naive[2]!);
    expect(verifyAuditTrail(naive)).toMatchObject({ valid: false, index: 5, code: 'SEQUENCE-MISMATCH' });
  });
  it('names the first of two swapped entries', () => {
    const trail = [...story()];
    [trail[6], trail[7]] = [trail[7]!, trail[6]!];
    expect(verifyAuditTrail(trail)).toMatchObject({ valid: false, index: 6, code: 'SEQUENCE-MISMATCH' });
  });
  it('names swapped entries even when their sequence numbers were swapped back and re-hashed', () => {
    const trail = [...story()];
    const a = trail[6]!;
    const b = trail[7]!;
    trail[6] = rehash({ ...b, sequence: 6 });
    trail[7] = rehash({ ...a, sequence: 7 });
    expect(verifyAuditTrail(trail)).toMatchObject({ valid: false, index: 6, code: 'CHAIN-BROKEN' });
  });
  it('detects a trail cut short or rewritten at its end only with the head kept elsewhere', () => {
    const trail = story();
    const cut = trail.slice(0, 10);
    expect(verifyAuditTrail(cut).valid).toBe(true);
    expect(verifyAuditTrail(cut, { expectedHead: trail[10]!.hash })).toMatchObject({ valid: false, index: 10, code: 'HEAD-MISMATCH' });
    const rewritten = [...trail.slice(0, 10), rehash({ ...trail[10]!, actor: ap })];
    expect(verifyAuditTrail(rewritten, { expectedHead: trail[10]!.hash })).toMatchObject({ valid: false, code: 'HEAD-MISMATCH' });
  });
  it('names an entry that breaks the lifecycle even when its hashes are right', () => {
    const trail = [...story().slice(0, 3)];
    const body = { ...trail[2]!, sequence: 3, at: '2024-04-02T00:00:00Z', action: 'send' as const, previousHash: trail[2]!.hash };
    trail.push(rehash(body));
    expect(verifyAuditTrail(trail)).toMatchObject({ valid: false, index: 3, code: 'LIFECYCLE-VIOLATION' });
  });
  it('names an entry dated before its predecessor', () => {
    const trail = [...story().slice(0, 2)];
    trail[1] = rehash({ ...trail[1]!, at: '2024-03-01T00:00:00Z' });
    expect(verifyAuditTrail(trail)).toMatchObject({ valid: false, index: 1, code: 'TIME-REVERSED' });
  });
  it('names a malformed entry and refuses a non-array', () => {
    const trail: unknown[] = [...story()];
    trail[2] = { ...(trail[2] as object), hash: 'not-a-hash' };
    expect(verifyAuditTrail(trail as AuditEntry[])).toMatchObject({ valid: false, index: 2, code: 'MALFORMED-ENTRY' });
    expect(verifyAuditTrail(null as never)).toMatchObject({ valid: false, code: 'NOT-A-TRAIL' });
  });
  it('detects any single-field edit of any entry (property)', () => {
    const trail = story();
    const edits: ((e: AuditEntry) => AuditEntry)[] = [
      (e) => ({ ...e, at: '2024-04-01T09:00:00.001+02:00' === e.at ? '2024-04-01T09:00:00+02:00' : '2024-04-01T09:00:00.001+02:00' }),
      (e) => ({ ...e, actor: { ...e.actor, id: `${e.actor.id}!` } }),
      (e) => ({ ...e, documentId: `${e.documentId}X` }),
      (e) => ({ ...e, documentHash: hashDocument(e.documentHash) }),
      (e) => ({ ...e, note: `${e.note ?? ''}.` }),
      (e) => ({ ...e, documentKind: e.documentKind === '389' ? '527' : '389' }),
    ];
    fc.assert(
      fc.property(fc.integer({ min: 0, max: trail.length - 1 }), fc.integer({ min: 0, max: edits.length - 1 }), fc.boolean(), (index, edit, forge) => {
        const tampered = [...trail];
        const changed = edits[edit]!(trail[index]!);
        tampered[index] = forge ? rehash(changed) : changed;
        const v = verifyAuditTrail(tampered, { expectedHead: trail.at(-1)!.hash });
        if (v.valid) return expect.fail('tampering went unnoticed');
        // Without re-hashing the edited entry itself is named. A forger's re-hash shows at the
        // next link (for the last entry: at the head), unless the edit also broke time order or
        // the lifecycle at the entry itself.
        if (!forge || v.code === 'TIME-REVERSED' || v.code === 'LIFECYCLE-VIOLATION') expect(v.index).toBe(index);
        else expect([v.index, v.code]).toEqual([index + 1, index === trail.length - 1 ? 'HEAD-MISMATCH' : 'CHAIN-BROKEN']);
      }),
    );
  });
});

describe('documentStatus', () => {
  it('replays a document to its state with the times acceptance needs', () => {
    const r = documentStatus(story(), 'GN-TUIN-0001');
    expect(r).toMatchObject({ success: true, data: { state: 'credited', documentKind: '389', sentAt: '2024-04-01T09:01:00+02:00', receivedAt: '2024-04-01T09:02:00+02:00', createdAt: '2024-04-01T09:00:00+02:00', lastEventAt: '2024-04-04T10:00:01+02:00' } });
  });
  it('carries the relation a correction was created with', () => {
    expect(documentStatus(story(), 'GN-TUIN-0003')).toMatchObject({ data: { state: 'accepted', relation: { kind: 'replaces', documentId: 'GN-TUIN-0001' } } });
  });
  it('reports an unknown document and a non-trail as typed issues', () => {
    expect(codes(documentStatus(story(), 'NOPE').issues)).toEqual(['DOCUMENT-UNKNOWN']);
    expect(codes(documentStatus({} as never, 'NOPE').issues)).toEqual(['TRAIL-INVALID']);
  });
});

describe('relatedDocuments', () => {
  it('finds the credit note and the replacement of an invoice', () => {
    expect(relatedDocuments(story(), 'GN-TUIN-0001')).toEqual([
      { relation: 'credited-by', documentId: 'GN-TUIN-0002', documentKind: '261' },
      { relation: 'replaced-by', documentId: 'GN-TUIN-0003', documentKind: '389' },
    ]);
  });
  it('finds what a correction credits or replaces', () => {
    expect(relatedDocuments(story(), 'GN-TUIN-0002')).toEqual([{ relation: 'credits', documentId: 'GN-TUIN-0001', documentKind: '389' }]);
    expect(relatedDocuments(story(), 'GN-TUIN-0003')).toEqual([{ relation: 'replaces', documentId: 'GN-TUIN-0001', documentKind: '389' }]);
  });
  it('returns nothing for an unrelated or unknown document, or a non-trail', () => {
    expect(relatedDocuments(story().slice(0, 4), 'GN-TUIN-0001')).toEqual([]);
    expect(relatedDocuments(story(), 'NOPE')).toEqual([]);
    expect(relatedDocuments(undefined as never, 'NOPE')).toEqual([]);
  });
});
