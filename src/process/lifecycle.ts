/**
 * The life of one self-billed document, as a small state machine.
 *
 * ```
 * draft --send--> sent --receive--> received --process--> processed
 *          sent | received | processed --accept | accept-tacitly--> accepted
 *          sent | received | processed --dispute--> disputed --accept--> accepted
 *          sent | received | processed | disputed --reject--> rejected
 *          sent ... accepted | rejected --credit--> credited
 * ```
 * A self-billed document cannot be edited or withdrawn once sent: the customer corrects it
 * with a credit note, a negative invoice or a replacement, and the corrected document ends
 * `credited`. `rejected` is not an end: the customer issued the document and numbered it,
 * so it stays in the books until a correction cancels it.
 */
import { parseAgreement, type SelfBillingAgreement, type SelfBillingAgreementInput } from './agreement.js';
import { processError, type LifecycleIssueCode, type ProcessIssue, type ProcessResult } from './issues.js';
import { addDays, isTimestamp, timestampMs } from './time.js';

/**
 * The states of a self-billed document.
 *
 * @example
 * LIFECYCLE_STATES.includes('disputed'); // true
 */
export const LIFECYCLE_STATES = ['draft', 'sent', 'received', 'processed', 'accepted', 'disputed', 'rejected', 'credited'] as const;
/** One of {@link LIFECYCLE_STATES}. */
export type LifecycleState = (typeof LIFECYCLE_STATES)[number];

/**
 * What can happen to a document: the customer sends it; the supplier's access point
 * receives it; the supplier's system processes it; the supplier accepts it (or lets the
 * tacit period lapse), disputes or rejects it; the customer credits it with a correction.
 *
 * @example
 * for (const e of LIFECYCLE_EVENTS) transition('sent', e);
 */
export const LIFECYCLE_EVENTS = ['send', 'receive', 'process', 'accept', 'accept-tacitly', 'dispute', 'reject', 'credit'] as const;
/** One of {@link LIFECYCLE_EVENTS}. */
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

const OPEN: readonly LifecycleState[] = ['sent', 'received', 'processed'];

/** The table the machine runs on: event -> the states it may happen in -> the state after. */
const TRANSITIONS: Readonly<Record<LifecycleEvent, Readonly<Partial<Record<LifecycleState, LifecycleState>>>>> = {
  send: { draft: 'sent' },
  receive: { sent: 'received' },
  process: { sent: 'processed', received: 'processed' },
  accept: { sent: 'accepted', received: 'accepted', processed: 'accepted', disputed: 'accepted' },
  // A disputed document is answered: silence no longer means yes.
  'accept-tacitly': { sent: 'accepted', received: 'accepted', processed: 'accepted' },
  dispute: { sent: 'disputed', received: 'disputed', processed: 'disputed' },
  reject: { sent: 'rejected', received: 'rejected', processed: 'rejected', disputed: 'rejected' },
  credit: { sent: 'credited', received: 'credited', processed: 'credited', accepted: 'credited', disputed: 'credited', rejected: 'credited' },
};

/**
 * True when `value` is a lifecycle state.
 *
 * @param value - anything
 * @returns whether it is one of {@link LIFECYCLE_STATES}
 * @example
 * isLifecycleState('sent'); // true
 */
export function isLifecycleState(value: unknown): value is LifecycleState {
  return typeof value === 'string' && (LIFECYCLE_STATES as readonly string[]).includes(value);
}

/**
 * True when `value` is a lifecycle event.
 *
 * @param value - anything
 * @returns whether it is one of {@link LIFECYCLE_EVENTS}
 * @example
 * isLifecycleEvent('dispute'); // true
 */
export function isLifecycleEvent(value: unknown): value is LifecycleEvent {
  return typeof value === 'string' && (LIFECYCLE_EVENTS as readonly string[]).includes(value);
}

/**
 * The events allowed in a state.
 *
 * @param state - a lifecycle state
 * @returns the events `transition` accepts in it (empty for `credited`)
 * @example
 * allowedEvents('draft'); // ['send']
 */
export function allowedEvents(state: LifecycleState): readonly LifecycleEvent[] {
  return LIFECYCLE_EVENTS.filter((e) => TRANSITIONS[e][state] !== undefined);
}

/**
 * The state after an event. Unknown states and events, and events that cannot happen in
 * the state, are typed errors, not exceptions.
 *
 * @param state - the current state
 * @param event - what happened
 * @returns the new state, or `UNKNOWN-STATE`, `UNKNOWN-EVENT` or `ILLEGAL-TRANSITION`
 *   (the message lists the events allowed)
 * @example
 * transition('sent', 'dispute'); // { success: true, data: 'disputed', issues: [] }
 * transition('draft', 'accept').success; // false: ILLEGAL-TRANSITION
 */
export function transition(state: LifecycleState, event: LifecycleEvent): ProcessResult<LifecycleState, 'UNKNOWN-STATE' | 'UNKNOWN-EVENT' | 'ILLEGAL-TRANSITION'> {
  if (!isLifecycleState(state)) {
    return { success: false, issues: [processError('UNKNOWN-STATE', `"${String(state)}" is not a document state; the states are ${LIFECYCLE_STATES.join(', ')}.`, { path: 'state' })] };
  }
  if (!isLifecycleEvent(event)) {
    return { success: false, issues: [processError('UNKNOWN-EVENT', `"${String(event)}" is not a document event; the events are ${LIFECYCLE_EVENTS.join(', ')}.`, { path: 'event' })] };
  }
  const next = TRANSITIONS[event][state];
  if (next === undefined) {
    const allowed = allowedEvents(state);
    return {
      success: false,
      issues: [processError('ILLEGAL-TRANSITION', `A ${state} document cannot be "${event}"; ${allowed.length === 0 ? 'it is final' : `allowed: ${allowed.join(', ')}`}.`, { path: 'event' })],
    };
  }
  return { success: true, data: next, issues: [] };
}

/** Where a document stands, as far as tacit acceptance cares. `documentStatus` derives it from the audit trail. */
export interface LifecycleStatus {
  readonly state: LifecycleState;
  /** When the customer sent it (ISO 8601 with zone). */
  readonly sentAt?: string;
  /** When the supplier's access point received it; the tacit period runs from here when known. */
  readonly receivedAt?: string;
}

/** The answer of {@link acceptanceDue}. */
export type AcceptanceDue =
  /** The agreement wants an explicit answer, or the document is not waiting for one. */
  | { readonly status: 'not-applicable'; readonly reason: 'explicit-acceptance' | 'not-sent' | 'answered' | 'disputed' }
  /** Tacit acceptance will take effect at `dueAt` unless the supplier answers first. */
  | { readonly status: 'pending'; readonly dueAt: string }
  /** Since `dueAt` the document counts as accepted: record `accept-tacitly`. */
  | { readonly status: 'due'; readonly dueAt: string };

/**
 * Tells when an unanswered document counts as accepted under tacit acceptance: `days`
 * (from the agreement) after receipt by the supplier's access point, or after sending when
 * receipt was not recorded. A dispute stops the clock; explicit acceptance never lapses.
 *
 * @param status - the document's state and times (see `documentStatus`)
 * @param agreement - the agreement it was issued under
 * @param now - the moment of asking, ISO 8601 with zone (the function never reads the clock)
 * @returns the answer, or `UNKNOWN-STATE`, `INVALID-TIMESTAMP`, `AGREEMENT-INVALID`
 * @example
 * acceptanceDue({ state: 'received', sentAt: '2024-04-01T09:00:00Z', receivedAt: '2024-04-01T09:05:00Z' }, agreement, '2024-04-20T00:00:00Z');
 * // { success: true, data: { status: 'due', dueAt: '2024-04-15T09:05:00.000Z' }, issues: [] } with 14 days
 */
export function acceptanceDue(status: LifecycleStatus, agreement: SelfBillingAgreementInput | SelfBillingAgreement, now: string): ProcessResult<AcceptanceDue, LifecycleIssueCode> {
  const parsed = parseAgreement(agreement);
  if (!parsed.success) return parsed;
  const issues: ProcessIssue<LifecycleIssueCode>[] = [];
  const state: unknown = status?.state;
  if (!isLifecycleState(state)) issues.push(processError('UNKNOWN-STATE', `"${String(state)}" is not a document state; the states are ${LIFECYCLE_STATES.join(', ')}.`, { path: 'status.state' }));
  if (!isTimestamp(now)) issues.push(processError('INVALID-TIMESTAMP', `now ("${String(now)}") is not an ISO 8601 timestamp with a zone, e.g. 2024-04-01T09:00:00Z.`, { path: 'now' }));
  for (const key of ['sentAt', 'receivedAt'] as const) {
    const value: unknown = status?.[key];
    if (value !== undefined && !(typeof value === 'string' && isTimestamp(value))) {
      issues.push(processError('INVALID-TIMESTAMP', `status.${key} ("${String(value)}") is not an ISO 8601 timestamp with a zone.`, { path: `status.${key}` }));
    }
  }
  if (issues.length > 0 || !isLifecycleState(state)) return { success: false, issues };

  const acceptance = parsed.data.acceptance;
  if (acceptance.mode === 'explicit') return ok({ status: 'not-applicable', reason: 'explicit-acceptance' });
  if (state === 'draft') return ok({ status: 'not-applicable', reason: 'not-sent' });
  if (state === 'disputed') return ok({ status: 'not-applicable', reason: 'disputed' });
  if (!OPEN.includes(state)) return ok({ status: 'not-applicable', reason: 'answered' });
  const from = status.receivedAt ?? status.sentAt;
  if (from === undefined) {
    return { success: false, issues: [processError('INVALID-TIMESTAMP', `A ${state} document needs sentAt (or receivedAt): the tacit period runs from then.`, { path: 'status.sentAt' })] };
  }
  const dueAt = addDays(from, acceptance.days);
  return ok({ status: timestampMs(now) >= timestampMs(dueAt) ? 'due' : 'pending', dueAt });
}

function ok(data: AcceptanceDue): ProcessResult<AcceptanceDue, LifecycleIssueCode> {
  return { success: true, data, issues: [] };
}
