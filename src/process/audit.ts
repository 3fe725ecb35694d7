/**
 * The audit trail: proof afterwards of who did what when, with which document.
 *
 * Each entry records one event (the creation of a document or a lifecycle event), the
 * SHA-256 of the exact XML it concerns, and the hash of the entry before it, so the entries
 * form a chain: editing, removing, inserting or reordering an entry breaks the chain at
 * that point. What a plain hash chain cannot show is a trail rewritten from some point to
 * its end, or cut short at its end: keep the head hash (the last entry's `hash`) somewhere
 * else too (the supplier's copy, a signed message, a timestamping service) and pass it to
 * `verifyAuditTrail` as `expectedHead`.
 *
 * The trail is append-only by construction: `appendAuditEntry` returns a new, frozen array
 * and never changes the one it got.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { processError, type AuditIssueCode, type ProcessIssue, type ProcessResult } from './issues.js';
import { LIFECYCLE_EVENTS, transition, type LifecycleEvent, type LifecycleStatus } from './lifecycle.js';
import { isTimestamp, timestampMs } from './time.js';

/**
 * The hash a trail's first entry links to.
 *
 * @example
 * trail[0].previousHash === GENESIS_HASH; // true
 */
export const GENESIS_HASH = '0'.repeat(64);
/** Marks the hashing scheme inside every entry hash, so a future scheme cannot be mistaken for this one. */
const SCHEME = 'peppol-self-billing/audit/1';

/**
 * Who acted: the customer (issuer), the supplier (receiver), an access point, or a system on their behalf.
 *
 * @example
 * const actor = { role: AUDIT_ROLES[1], id: 'portal@supplier' }; // supplier
 */
export const AUDIT_ROLES = ['customer', 'supplier', 'access-point', 'system'] as const;
/**
 * The kinds of documents in a trail: BT-3 389 invoice, 527 debit note, 261 credit note.
 *
 * @example
 * DOCUMENT_KINDS.includes(doc.typeCode); // true for a self-billed document
 */
export const DOCUMENT_KINDS = ['389', '527', '261'] as const;
/**
 * How a correction relates to the document it corrects: a credit note `credits` it, a
 * negative invoice `corrects` it, a replacement invoice `replaces` it.
 *
 * @example
 * appendAuditEntry(trail, { ...event, action: 'create', relation: { kind: 'credits', documentId: 'SB-0001' } });
 */
export const RELATION_KINDS = ['credits', 'corrects', 'replaces'] as const;
/** What an entry records: the creation of a document, or a lifecycle event. */
export type AuditAction = 'create' | LifecycleEvent;
/** One of {@link RELATION_KINDS}. */
export type RelationKind = (typeof RELATION_KINDS)[number];
/** One of {@link DOCUMENT_KINDS}. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

const ActorSchema = z.object({
  role: z.enum(AUDIT_ROLES).describe('Role of who acted'),
  id: z.string().trim().min(1).describe('Who acted: a user, a Peppol participant id, a system name'),
});
const RelationSchema = z.object({
  kind: z.enum(RELATION_KINDS).describe('How the new document relates to the earlier one'),
  documentId: z.string().trim().min(1).describe('BT-1 of the earlier document (BT-25 in the correction)'),
});
const TimestampSchema = z.string().refine(isTimestamp, { message: 'Expected an ISO 8601 timestamp with a zone, e.g. "2024-04-01T09:00:00+02:00"' });
const HashSchema = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 hash as 64 lower-case hex digits');

/**
 * An event to record. `xml` (the exact document text or bytes) is required when a document
 * is created; later events may leave it out and inherit the hash of the document's last
 * recorded XML.
 *
 * @example
 * AuditEventSchema.parse({ at: '2024-04-01T09:00:00Z', actor: { role: 'customer', id: 'erp' }, action: 'create', documentId: 'SB-0001', documentKind: '389', xml });
 */
export const AuditEventSchema = z.object({
  at: TimestampSchema.describe('When it happened'),
  actor: ActorSchema,
  action: z.enum(['create', ...LIFECYCLE_EVENTS]).describe('What happened'),
  documentId: z.string().trim().min(1).describe('BT-1 Invoice number of the document concerned'),
  documentKind: z.enum(DOCUMENT_KINDS).optional().describe('BT-3 type code, required on create'),
  xml: z.union([z.string(), z.instanceof(Uint8Array)]).optional().describe('The exact XML of the document (hashed, not stored)'),
  relation: RelationSchema.optional().describe('On create: the earlier document this one credits, corrects or replaces'),
  note: z.string().optional().describe('Free text, e.g. the reason for a dispute'),
});
/** What `appendAuditEntry` takes. */
export type AuditEventInput = z.input<typeof AuditEventSchema>;

/**
 * One entry of the audit trail, as written (and frozen) by `appendAuditEntry`.
 *
 * @example
 * AuditEntrySchema.safeParse(stored[0]).success;
 */
export const AuditEntrySchema = z.object({
  sequence: z.int().min(0),
  at: TimestampSchema,
  actor: ActorSchema,
  action: z.enum(['create', ...LIFECYCLE_EVENTS]),
  documentId: z.string().min(1),
  documentKind: z.enum(DOCUMENT_KINDS),
  documentHash: HashSchema,
  relation: RelationSchema.optional(),
  note: z.string().optional(),
  previousHash: HashSchema,
  hash: HashSchema,
});

/** See {@link AuditEntrySchema}. */
export interface AuditEntry {
  /** Position in the trail, from 0. */
  readonly sequence: number;
  /** When it happened, ISO 8601 with zone. */
  readonly at: string;
  readonly actor: { readonly role: (typeof AUDIT_ROLES)[number]; readonly id: string };
  readonly action: AuditAction;
  /** BT-1 of the document concerned. */
  readonly documentId: string;
  /** BT-3 of the document concerned. */
  readonly documentKind: DocumentKind;
  /** SHA-256 (hex) of the exact XML of the document. */
  readonly documentHash: string;
  /** Set on the creation of a correction. */
  readonly relation?: { readonly kind: RelationKind; readonly documentId: string };
  readonly note?: string;
  /** `hash` of the entry before, {@link GENESIS_HASH} for the first. */
  readonly previousHash: string;
  /** SHA-256 over every other field of this entry. */
  readonly hash: string;
}

/**
 * SHA-256 of the exact XML of a document, as lower-case hex. Text is hashed as UTF-8; pass
 * the bytes as sent when you have them, since a re-encoded text is not the same document.
 *
 * @param xml - the document text or bytes
 * @returns 64 hex digits
 * @example
 * hashDocument('<Invoice/>'); // '5f7c...'
 */
export function hashDocument(xml: string | Uint8Array): string {
  return createHash('sha256').update(typeof xml === 'string' ? Buffer.from(xml, 'utf8') : xml).digest('hex');
}

/**
 * The hash of an entry: SHA-256 over its fields in a fixed order (JSON array, so no field
 * can bleed into the next), excluding `hash` itself.
 *
 * @param entry - the entry (its `hash` is ignored)
 * @returns 64 hex digits
 * @example
 * computeEntryHash(trail[0]) === trail[0].hash; // true for an untouched entry
 */
export function computeEntryHash(entry: Omit<AuditEntry, 'hash'>): string {
  const fields = [
    SCHEME,
    entry.sequence,
    entry.at,
    entry.actor.role,
    entry.actor.id,
    entry.action,
    entry.documentId,
    entry.documentKind,
    entry.documentHash,
    entry.relation?.kind ?? null,
    entry.relation?.documentId ?? null,
    entry.note ?? null,
    entry.previousHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex');
}

/** Where one document stands, replayed from the trail. */
export interface DocumentStatus extends LifecycleStatus {
  readonly documentId: string;
  readonly documentKind: DocumentKind;
  /** Hash of the document's XML as last recorded. */
  readonly documentHash: string;
  readonly createdAt: string;
  readonly lastEventAt: string;
  /** The correction relation recorded when the document was created. */
  readonly relation?: { readonly kind: RelationKind; readonly documentId: string };
}

type MutableStatus = { -readonly [K in keyof DocumentStatus]: DocumentStatus[K] };

/** Replays the trail into the status of every document; stops at the first illegal step. */
function replay(entries: readonly AuditEntry[]): { readonly statuses: ReadonlyMap<string, DocumentStatus>; readonly failure?: { readonly index: number; readonly issue: ProcessIssue<AuditIssueCode> } } {
  const statuses = new Map<string, MutableStatus>();
  for (const [index, e] of entries.entries()) {
    const current = statuses.get(e.documentId);
    if (e.action === 'create') {
      if (current !== undefined) return { statuses, failure: { index, issue: processError('DOCUMENT-EXISTS', `Entry ${index} creates ${e.documentId} a second time.`, { businessTerm: 'BT-1' }) } };
      const created: MutableStatus = { documentId: e.documentId, documentKind: e.documentKind, documentHash: e.documentHash, state: 'draft', createdAt: e.at, lastEventAt: e.at };
      if (e.relation !== undefined) created.relation = e.relation;
      statuses.set(e.documentId, created);
      continue;
    }
    if (current === undefined) return { statuses, failure: { index, issue: processError('DOCUMENT-UNKNOWN', `Entry ${index} records "${e.action}" for ${e.documentId}, which the trail never created.`, { businessTerm: 'BT-1' }) } };
    const next = transition(current.state, e.action);
    if (!next.success) return { statuses, failure: { index, issue: { ...(next.issues[0] ?? processError('ILLEGAL-TRANSITION', 'Illegal transition.')), message: `Entry ${index} (${e.documentId}): ${next.issues[0]?.message ?? ''}` } } };
    const updated: MutableStatus = { ...current, state: next.data, documentHash: e.documentHash, lastEventAt: e.at };
    if (e.action === 'send') updated.sentAt = e.at;
    if (e.action === 'receive') updated.receivedAt = e.at;
    statuses.set(e.documentId, updated);
  }
  return { statuses };
}

function freezeEntry(entry: AuditEntry): AuditEntry {
  if (entry.relation !== undefined) Object.freeze(entry.relation);
  Object.freeze(entry.actor);
  return Object.freeze(entry);
}

function trailShapeIssue(entries: unknown): ProcessIssue<'TRAIL-INVALID'> | undefined {
  if (!Array.isArray(entries)) return processError('TRAIL-INVALID', 'The audit trail must be an array of entries (an empty array to start one).');
  const last: unknown = entries.at(-1);
  if (last === undefined) return undefined;
  const parsed = AuditEntrySchema.safeParse(last);
  if (!parsed.success || parsed.data.sequence !== entries.length - 1) {
    return processError('TRAIL-INVALID', 'The last entry of the audit trail is not an entry this library wrote (or its sequence does not match its position): run verifyAuditTrail on it.');
  }
  return undefined;
}

/**
 * Appends one event to the trail: a document's creation (with the SHA-256 of its exact
 * XML and, for a correction, the document it credits, corrects or replaces) or a lifecycle
 * event, which must be legal in the document's current state. Pure: the trail passed in is
 * not changed; the new trail is returned (frozen).
 *
 * @param entries - the trail so far (`[]` to start)
 * @param event - who did what when, to which document
 * @returns the trail with the new entry, or issues: `INVALID-EVENT`, `INVALID-TIMESTAMP`,
 *   `TIME-REVERSED` (earlier than the last entry), `DOCUMENT-EXISTS`, `DOCUMENT-UNKNOWN`,
 *   `RELATED-DOCUMENT-UNKNOWN`, `ILLEGAL-TRANSITION`, `CREDIT-WITHOUT-CORRECTION`,
 *   `TRAIL-INVALID`
 * @example
 * let trail: readonly AuditEntry[] = [];
 * const r = appendAuditEntry(trail, { at: '2024-04-01T09:00:00Z', actor: { role: 'customer', id: 'erp' }, action: 'create', documentId: 'SB-0001', documentKind: '389', xml });
 * if (r.success) trail = r.data;
 */
export function appendAuditEntry(entries: readonly AuditEntry[], event: AuditEventInput): ProcessResult<readonly AuditEntry[], AuditIssueCode> {
  const shape = trailShapeIssue(entries);
  if (shape) return { success: false, issues: [shape] };
  const parsed = AuditEventSchema.safeParse(event);
  if (!parsed.success) {
    return {
      success: false,
      issues: parsed.error.issues.map((zi) => {
        const path = zi.path.map(String).join('.');
        const code = path === 'at' ? ('INVALID-TIMESTAMP' as const) : ('INVALID-EVENT' as const);
        return processError(code, `Audit event${path === '' ? '' : ` "${path}"`}: ${zi.message}`, path === '' ? {} : { path });
      }),
    };
  }
  const e = parsed.data;
  const last = entries.at(-1);
  if (last !== undefined && timestampMs(e.at) < timestampMs(last.at)) {
    return { success: false, issues: [processError('TIME-REVERSED', `The event is dated ${e.at}, before the last entry (${last.at}): a trail only grows forward in time; record events as they happen.`, { path: 'at' })] };
  }
  const { statuses, failure } = replay(entries);
  if (failure) return { success: false, issues: [processError('TRAIL-INVALID', `The trail does not replay: ${failure.issue.message}`)] };
  const current = statuses.get(e.documentId);
  let documentKind: DocumentKind;
  let documentHash: string;

  if (e.action === 'create') {
    if (current !== undefined) return fail('DOCUMENT-EXISTS', `${e.documentId} is already in the trail (created ${current.createdAt}): a self-billed document is created once; correct it with a new document.`, 'documentId');
    if (e.documentKind === undefined) return fail('INVALID-EVENT', 'Creating a document needs its documentKind (BT-3: 389, 527 or 261).', 'documentKind');
    if (e.xml === undefined) return fail('INVALID-EVENT', 'Creating a document needs its exact XML, so the trail can prove what was issued.', 'xml');
    if (e.relation !== undefined) {
      const target = statuses.get(e.relation.documentId);
      if (target === undefined) return fail('RELATED-DOCUMENT-UNKNOWN', `${e.documentId} ${e.relation.kind} ${e.relation.documentId}, which the trail does not know: record the original first.`, 'relation.documentId');
      const wantCreditNote = e.relation.kind === 'credits';
      if (wantCreditNote !== (e.documentKind === '261')) {
        return fail('INVALID-EVENT', `A document that ${e.relation.kind} another must be ${wantCreditNote ? 'a credit note (261)' : 'an invoice or debit note (389, 527)'}, and ${e.documentId} is ${e.documentKind}.`, 'relation.kind');
      }
      if (target.documentKind === '261') return fail('INVALID-EVENT', `${e.relation.documentId} is a credit note: only an invoice or debit note is credited, corrected or replaced.`, 'relation.documentId');
    }
    documentKind = e.documentKind;
    documentHash = hashDocument(e.xml);
  } else {
    if (current === undefined) return fail('DOCUMENT-UNKNOWN', `${e.documentId} is not in the trail: record its creation before "${e.action}".`, 'documentId');
    if (e.documentKind !== undefined && e.documentKind !== current.documentKind) return fail('INVALID-EVENT', `${e.documentId} is a ${current.documentKind}, not a ${e.documentKind}.`, 'documentKind');
    if (e.relation !== undefined) return fail('INVALID-EVENT', 'A relation is recorded when the correcting document is created, not on a lifecycle event.', 'relation');
    const next = transition(current.state, e.action);
    if (!next.success) return { success: false, issues: next.issues.map((i) => ({ ...i, message: `${e.documentId}: ${i.message}` })) };
    if (e.action === 'credit' && ![...statuses.values()].some((s) => s.relation?.documentId === e.documentId && (s.relation.kind === 'credits' || s.relation.kind === 'corrects'))) {
      return fail('CREDIT-WITHOUT-CORRECTION', `${e.documentId} cannot be credited before a credit note (or negative invoice) that names it is recorded.`, 'action');
    }
    documentKind = current.documentKind;
    documentHash = e.xml === undefined ? current.documentHash : hashDocument(e.xml);
  }

  const body: Omit<AuditEntry, 'hash'> = {
    sequence: entries.length,
    at: e.at,
    actor: { role: e.actor.role, id: e.actor.id },
    action: e.action,
    documentId: e.documentId,
    documentKind,
    documentHash,
    ...(e.relation === undefined ? {} : { relation: { kind: e.relation.kind, documentId: e.relation.documentId } }),
    ...(e.note === undefined ? {} : { note: e.note }),
    previousHash: last?.hash ?? GENESIS_HASH,
  };
  const entry = freezeEntry({ ...body, hash: computeEntryHash(body) });
  return { success: true, data: Object.freeze([...entries, entry]), issues: [] };
}

function fail(code: AuditIssueCode, message: string, path: string): ProcessResult<never, AuditIssueCode> {
  return { success: false, issues: [processError(code, message, { path })] };
}

/** Why a trail fails verification. */
export type AuditFailureCode =
  | 'NOT-A-TRAIL'
  | 'MALFORMED-ENTRY'
  | 'SEQUENCE-MISMATCH'
  | 'CHAIN-BROKEN'
  | 'ENTRY-HASH-MISMATCH'
  | 'TIME-REVERSED'
  | 'LIFECYCLE-VIOLATION'
  | 'HEAD-MISMATCH';

/** The verdict of {@link verifyAuditTrail}. */
export type AuditVerification =
  | { readonly valid: true; readonly length: number; readonly head: string }
  | {
      readonly valid: false;
      /** Position (0-based) of the first entry that does not check out. */
      readonly index: number;
      readonly code: AuditFailureCode;
      readonly message: string;
    };

/** Options of {@link verifyAuditTrail}. */
export interface VerifyAuditOptions {
  /** The last entry's hash as kept elsewhere: detects a trail cut short or rewritten to its end. */
  readonly expectedHead?: string;
}

/**
 * Verifies a trail entry by entry and names the first entry that does not check out:
 * - `SEQUENCE-MISMATCH`: its sequence is not its position (an entry before it was removed or inserted, or entries were reordered);
 * - `CHAIN-BROKEN`: it does not link to the entry before it (`previousHash`);
 * - `ENTRY-HASH-MISMATCH`: its content was edited after it was written;
 * - `TIME-REVERSED`: it is dated before the entry before it;
 * - `LIFECYCLE-VIOLATION`: it records a step the lifecycle does not allow;
 * - `MALFORMED-ENTRY`: it is not an entry at all;
 * - `HEAD-MISMATCH` (index = length): the trail does not end at `options.expectedHead`.
 *
 * @param entries - the trail, as stored
 * @param options - `expectedHead`, the head hash kept elsewhere
 * @returns `{ valid: true, length, head }`, or the first bad entry with a code and a message
 * @example
 * const v = verifyAuditTrail(trail, { expectedHead: headFromSupplier });
 * if (!v.valid) alert(`entry ${v.index}: ${v.message}`);
 */
export function verifyAuditTrail(entries: readonly AuditEntry[], options: VerifyAuditOptions = {}): AuditVerification {
  if (!Array.isArray(entries)) return { valid: false, index: 0, code: 'NOT-A-TRAIL', message: 'An audit trail is an array of entries.' };
  const list: readonly unknown[] = entries;
  const structural = firstStructuralFailure(list);
  // The lifecycle is replayed over the entries before the first structural failure only:
  // past that point the entries are not trustworthy anyway.
  const sound = list.slice(0, structural?.index ?? list.length) as readonly AuditEntry[];
  const { failure } = replay(sound);
  if (failure) return { valid: false, index: failure.index, code: 'LIFECYCLE-VIOLATION', message: failure.issue.message };
  if (structural) return structural;
  const previous = sound.at(-1);
  const head = previous?.hash ?? GENESIS_HASH;
  if (options.expectedHead !== undefined && options.expectedHead !== head) {
    return { valid: false, index: list.length, code: 'HEAD-MISMATCH', message: `The trail ends at ${head.slice(0, 12)}..., not at the expected head ${String(options.expectedHead).slice(0, 12)}...: entries were removed from its end, or it was rewritten.` };
  }
  return { valid: true, length: list.length, head };
}

/** The first entry whose shape, position, link, hash or time does not check out. */
function firstStructuralFailure(list: readonly unknown[]): Extract<AuditVerification, { valid: false }> | undefined {
  let previous: AuditEntry | undefined;
  for (const [index, raw] of list.entries()) {
    const parsed = AuditEntrySchema.safeParse(raw);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.map(String).join('.') ?? '';
      return { valid: false, index, code: 'MALFORMED-ENTRY', message: `Entry ${index} is not an audit entry${where === '' ? '' : ` (field "${where}")`}: ${parsed.error.issues[0]?.message ?? ''}` };
    }
    const entry = raw as AuditEntry;
    if (entry.sequence !== index) {
      const removed = entry.sequence - index;
      return { valid: false, index, code: 'SEQUENCE-MISMATCH', message: `Entry ${index} carries sequence ${entry.sequence}: ${removed > 0 ? `${removed} entr${removed === 1 ? 'y was' : 'ies were'} removed before it, or entries were reordered` : 'an entry was inserted before it, or entries were reordered'}.` };
    }
    if (entry.previousHash !== (previous?.hash ?? GENESIS_HASH)) {
      return { valid: false, index, code: 'CHAIN-BROKEN', message: `Entry ${index} does not link to the entry before it: ${index === 0 ? 'the first entry must link to the genesis hash' : `entry ${index - 1} (or one before it) was changed, or entry ${index} was put here from elsewhere`}.` };
    }
    if (computeEntryHash(entry) !== entry.hash) {
      return { valid: false, index, code: 'ENTRY-HASH-MISMATCH', message: `Entry ${index} (${entry.action} ${entry.documentId} at ${entry.at}) was changed after it was written: its content no longer matches its hash.` };
    }
    if (previous !== undefined && timestampMs(entry.at) < timestampMs(previous.at)) {
      return { valid: false, index, code: 'TIME-REVERSED', message: `Entry ${index} is dated ${entry.at}, before entry ${index - 1} (${previous.at}).` };
    }
    previous = entry;
  }
  return undefined;
}

/**
 * Where a document stands, replayed from the trail: its state, when it was sent and
 * received (what `acceptanceDue` needs), its kind, the hash of its last recorded XML and
 * the correction relation it was created with.
 *
 * @param entries - the trail
 * @param documentId - BT-1 of the document
 * @returns the status, or `DOCUMENT-UNKNOWN` / `TRAIL-INVALID`
 * @example
 * const s = documentStatus(trail, 'SB-0001');
 * if (s.success) acceptanceDue(s.data, agreement, now);
 */
export function documentStatus(entries: readonly AuditEntry[], documentId: string): ProcessResult<DocumentStatus, AuditIssueCode> {
  if (!Array.isArray(entries)) return { success: false, issues: [processError('TRAIL-INVALID', 'The audit trail must be an array of entries.')] };
  const { statuses, failure } = replay(entries.filter((e) => AuditEntrySchema.safeParse(e).success));
  if (failure) return { success: false, issues: [processError('TRAIL-INVALID', `The trail does not replay: ${failure.issue.message}`)] };
  const status = statuses.get(documentId);
  if (status === undefined) return { success: false, issues: [processError('DOCUMENT-UNKNOWN', `${String(documentId)} is not in the trail.`, { businessTerm: 'BT-1' })] };
  return { success: true, data: status, issues: [] };
}

/** How another document relates to the one asked about. */
export type RelationRole = RelationKind | 'credited-by' | 'corrected-by' | 'replaced-by';

/** One relation found by {@link relatedDocuments}. */
export interface DocumentRelation {
  /** Read as "the asked-about document <relation> `documentId`", e.g. SB-0001 `credited-by` SBC-0001. */
  readonly relation: RelationRole;
  readonly documentId: string;
  readonly documentKind: DocumentKind;
}

const INVERSE: Readonly<Record<RelationKind, RelationRole>> = { credits: 'credited-by', corrects: 'corrected-by', replaces: 'replaced-by' };

/**
 * The documents directly related to one document: what it credits, corrects or replaces,
 * and what credits, corrects or replaces it, in trail order. Entries that are not audit
 * entries are skipped (verify the trail for the verdict on those).
 *
 * @param log - the audit trail
 * @param documentId - BT-1 of the document
 * @returns the relations (empty when there are none)
 * @example
 * relatedDocuments(trail, 'SB-0003');
 * // [{ relation: 'credited-by', documentId: 'SB-0004', documentKind: '261' }, { relation: 'replaced-by', documentId: 'SB-0005', documentKind: '389' }]
 */
export function relatedDocuments(log: readonly AuditEntry[], documentId: string): readonly DocumentRelation[] {
  if (!Array.isArray(log)) return [];
  const kinds = new Map<string, DocumentKind>();
  const found: DocumentRelation[] = [];
  for (const raw of log as readonly unknown[]) {
    const parsed = AuditEntrySchema.safeParse(raw);
    if (!parsed.success || parsed.data.action !== 'create') continue;
    const e = parsed.data;
    kinds.set(e.documentId, e.documentKind);
    if (e.relation === undefined) continue;
    if (e.documentId === documentId) {
      found.push({ relation: e.relation.kind, documentId: e.relation.documentId, documentKind: kinds.get(e.relation.documentId) ?? '389' });
    } else if (e.relation.documentId === documentId) {
      found.push({ relation: INVERSE[e.relation.kind], documentId: e.documentId, documentKind: e.documentKind });
    }
  }
  return found;
}
