import { describe, expect, it } from 'vitest';
import { acceptanceDue, allowedEvents, LIFECYCLE_EVENTS, LIFECYCLE_STATES, transition, type LifecycleEvent, type LifecycleState } from '../../src/process/lifecycle.js';
import { agreementInput } from './support.js';

const tacit = agreementInput();
const explicit = { ...agreementInput(), acceptance: { mode: 'explicit' as const } };
const codes = (issues: readonly { code: string }[]) => issues.map((i) => i.code);

describe('transition', () => {
  it('plays the happy path: draft, sent, received, processed, accepted', () => {
    let state: LifecycleState = 'draft';
    for (const [event, expected] of [['send', 'sent'], ['receive', 'received'], ['process', 'processed'], ['accept', 'accepted']] as const) {
      const r = transition(state, event);
      if (!r.success) return expect.fail(JSON.stringify(r.issues));
      expect(r.data).toBe(expected);
      state = r.data;
    }
  });
  it('lets a disputed document be accepted, rejected or credited, but not accepted tacitly', () => {
    expect(transition('disputed', 'accept')).toEqual({ success: true, data: 'accepted', issues: [] });
    expect(transition('disputed', 'reject')).toEqual({ success: true, data: 'rejected', issues: [] });
    expect(transition('disputed', 'credit')).toEqual({ success: true, data: 'credited', issues: [] });
    expect(codes(transition('disputed', 'accept-tacitly').issues)).toEqual(['ILLEGAL-TRANSITION']);
  });
  it('lets accepted and rejected documents be credited, and nothing follows credited', () => {
    expect(transition('accepted', 'credit').success && transition('rejected', 'credit').success).toBe(true);
    expect(allowedEvents('credited')).toEqual([]);
    const r = transition('credited', 'send');
    expect(r.success).toBe(false);
    expect(r.issues[0]?.message).toMatch(/it is final/);
  });
  it('refuses to accept a draft and says what is allowed', () => {
    const r = transition('draft', 'accept');
    expect(r).toEqual({ success: false, issues: [expect.objectContaining({ code: 'ILLEGAL-TRANSITION', severity: 'error' })] });
    expect(r.issues[0]?.message).toBe('A draft document cannot be "accept"; allowed: send.');
  });
  it('never un-sends: no event leads back to draft', () => {
    for (const s of LIFECYCLE_STATES) for (const e of LIFECYCLE_EVENTS) {
      const r = transition(s, e);
      if (r.success) expect(r.data).not.toBe('draft');
    }
  });
  it('answers every state and event pair with a result, never an exception', () => {
    let legal = 0;
    for (const s of LIFECYCLE_STATES) for (const e of LIFECYCLE_EVENTS) if (transition(s, e).success) legal++;
    expect(legal).toBe(LIFECYCLE_STATES.reduce((n, s) => n + allowedEvents(s).length, 0));
    expect(legal).toBe(24); // the table in lifecycle.ts: 1 + 1 + 2 + 4 + 3 + 3 + 4 + 6
  });
  it('reports an unknown state and an unknown event as typed errors', () => {
    expect(codes(transition('archived' as LifecycleState, 'send').issues)).toEqual(['UNKNOWN-STATE']);
    expect(codes(transition('sent', 'approve' as LifecycleEvent).issues)).toEqual(['UNKNOWN-EVENT']);
    expect(codes(transition(undefined as never, 'send').issues)).toEqual(['UNKNOWN-STATE']);
  });
});

describe('acceptanceDue', () => {
  const received = { state: 'received' as const, sentAt: '2024-04-01T09:00:00+02:00', receivedAt: '2024-04-01T09:05:00+02:00' };
  it('counts the tacit period from receipt', () => {
    expect(acceptanceDue(received, tacit, '2024-04-15T07:04:59Z')).toEqual({ success: true, data: { status: 'pending', dueAt: '2024-04-15T07:05:00.000Z' }, issues: [] });
    expect(acceptanceDue(received, tacit, '2024-04-15T09:05:00+02:00')).toEqual({ success: true, data: { status: 'due', dueAt: '2024-04-15T07:05:00.000Z' }, issues: [] });
  });
  it('counts from sending when receipt was not recorded', () => {
    const r = acceptanceDue({ state: 'sent', sentAt: '2024-04-01T00:00:00Z' }, { ...tacit, acceptance: { mode: 'tacit', days: 1 } }, '2024-04-01T12:00:00Z');
    expect(r.success && r.data).toEqual({ status: 'pending', dueAt: '2024-04-02T00:00:00.000Z' });
  });
  it('never lapses under explicit acceptance', () => {
    expect(acceptanceDue(received, explicit, '2030-01-01T00:00:00Z')).toMatchObject({ success: true, data: { status: 'not-applicable', reason: 'explicit-acceptance' } });
  });
  it('does not run for drafts, disputed documents or answered ones', () => {
    expect(acceptanceDue({ state: 'draft' }, tacit, '2030-01-01T00:00:00Z')).toMatchObject({ data: { reason: 'not-sent' } });
    expect(acceptanceDue({ ...received, state: 'disputed' }, tacit, '2030-01-01T00:00:00Z')).toMatchObject({ data: { reason: 'disputed' } });
    for (const state of ['accepted', 'rejected', 'credited'] as const) {
      expect(acceptanceDue({ ...received, state }, tacit, '2030-01-01T00:00:00Z')).toMatchObject({ data: { reason: 'answered' } });
    }
  });
  it('reports malformed and zoneless timestamps', () => {
    expect(codes(acceptanceDue(received, tacit, '2024-04-20T10:00:00').issues)).toEqual(['INVALID-TIMESTAMP']);
    expect(codes(acceptanceDue(received, tacit, '2024-04-31T10:00:00Z').issues)).toEqual(['INVALID-TIMESTAMP']);
    expect(codes(acceptanceDue({ ...received, receivedAt: 'yesterday' }, tacit, '2024-04-20T10:00:00Z').issues)).toEqual(['INVALID-TIMESTAMP']);
    expect(acceptanceDue(received, tacit, '2024-04-20T24:00:00Z').issues[0]?.path).toBe('now');
  });
  it('reports a sent document without any time to count from', () => {
    expect(codes(acceptanceDue({ state: 'sent' }, tacit, '2024-04-20T10:00:00Z').issues)).toEqual(['INVALID-TIMESTAMP']);
  });
  it('reports an unknown state and an invalid agreement as typed errors', () => {
    expect(codes(acceptanceDue({ state: 'lost' as never }, tacit, '2024-04-20T10:00:00Z').issues)).toEqual(['UNKNOWN-STATE']);
    expect(codes(acceptanceDue(received, { ...tacit, acceptance: { mode: 'tacit', days: 0 } }, '2024-04-20T10:00:00Z').issues)).toEqual(['AGREEMENT-INVALID']);
    expect(codes(acceptanceDue(null as never, tacit, '2024-04-20T10:00:00Z').issues)).toEqual(['UNKNOWN-STATE']);
  });
});
