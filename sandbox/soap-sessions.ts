/**
 * SOAP sessions and the GetMutaties call quota, kept per sandbox (per SandboxContext) so the
 * control API can expire or reset them: `expireSoapSessions(ctx)`, `resetSoapSessions(ctx)`.
 */
import { randomUUID } from 'node:crypto';
import type { SandboxContext } from './faults';

export interface SoapSession {
  id: string;
  /** SecurityCode2 values accepted on this session's calls. */
  securityCodes2: string[];
  /** Set for OpenSessionSub sessions. */
  administrationGuid?: string;
  /** Epoch ms after which the session is expired; renewed by each call (sliding, like an ASP.NET session). */
  expiresAt: number;
  closed: boolean;
  expired: boolean;
}

export interface SoapState {
  sessions: Map<string, SoapSession>;
  /** GetMutaties calls per calendar month (UTC), key YYYY-MM. */
  mutationCalls: Map<string, number>;
  /** The clock; tests may replace it. */
  now: () => number;
}

const states = new WeakMap<SandboxContext, SoapState>();

export function soapState(ctx: SandboxContext): SoapState {
  let state = states.get(ctx);
  if (!state) {
    state = { sessions: new Map(), mutationCalls: new Map(), now: () => Date.now() };
    states.set(ctx, state);
  }
  return state;
}

/** Every open SOAP session becomes expired now (control API `POST /__sandbox/expire-sessions`). Returns how many. */
export function expireSoapSessions(ctx: SandboxContext): number {
  let count = 0;
  for (const s of soapState(ctx).sessions.values()) {
    if (!s.closed && !s.expired) {
      s.expired = true;
      count++;
    }
  }
  return count;
}

/** Forgets every SOAP session and the GetMutaties call counts (control API `POST /__sandbox/reset`). */
export function resetSoapSessions(ctx: SandboxContext): void {
  const state = soapState(ctx);
  state.sessions.clear();
  state.mutationCalls.clear();
}

/** Closed and expired sessions are remembered (for E002.3/E002.4) up to this many. */
const MAX_REMEMBERED = 20_000;

export function openSoapSession(ctx: SandboxContext, securityCodes2: string[], administrationGuid?: string): SoapSession {
  const state = soapState(ctx);
  const session: SoapSession = {
    id: `{${randomUUID().toUpperCase()}}`,
    securityCodes2,
    administrationGuid,
    expiresAt: state.now() + ctx.config.soapSessionTtlSeconds * 1000,
    closed: false,
    expired: false,
  };
  state.sessions.set(session.id, session);
  if (state.sessions.size > MAX_REMEMBERED) {
    for (const [id, s] of state.sessions) {
      if (state.sessions.size <= MAX_REMEMBERED) break;
      if (s.closed || s.expired || s.expiresAt <= state.now()) state.sessions.delete(id);
    }
  }
  return session;
}

export type SessionProblem = 'E002.1' | 'E002.2' | 'E002.3' | 'E002.4' | 'E001.3';

/** Checks SessionID + SecurityCode2 as every call after OpenSession does; renews the session on success. */
export function checkSoapSession(ctx: SandboxContext, sessionId: string, securityCode2: string): { session: SoapSession } | { problem: SessionProblem } {
  const state = soapState(ctx);
  if (!sessionId.trim() || !securityCode2.trim()) return { problem: 'E002.1' };
  const session = state.sessions.get(sessionId.trim());
  if (!session) return { problem: 'E002.2' };
  if (session.closed) return { problem: 'E002.4' };
  const now = state.now();
  if (session.expired || session.expiresAt <= now) {
    session.expired = true;
    return { problem: 'E002.3' };
  }
  if (!session.securityCodes2.includes(securityCode2.trim())) return { problem: 'E001.3' };
  session.expiresAt = now + ctx.config.soapSessionTtlSeconds * 1000;
  return { session };
}

/** Marks a session closed; unknown ids are ignored (CloseSession has no result to report on). */
export function closeSoapSession(ctx: SandboxContext, sessionId: string): void {
  const session = soapState(ctx).sessions.get(sessionId.trim());
  if (session) session.closed = true;
}

/**
 * Counts one GetMutaties call in the current month; false once the month's limit is used up
 * (E003.1). The limit is `ctx.config.soapMutationCallsPerMonth` when set, else 5,000 (SOAP.md §6).
 */
export function countMutationCall(ctx: SandboxContext): boolean {
  const state = soapState(ctx);
  const month = new Date(state.now()).toISOString().slice(0, 7);
  const used = state.mutationCalls.get(month) ?? 0;
  if (used >= mutationCallLimit(ctx)) return false;
  state.mutationCalls.set(month, used + 1);
  return true;
}

export const DEFAULT_MUTATION_CALLS_PER_MONTH = 5000;

export function mutationCallLimit(ctx: SandboxContext): number {
  const configured = (ctx.config as { soapMutationCallsPerMonth?: unknown }).soapMutationCallsPerMonth;
  return typeof configured === 'number' && configured >= 0 ? configured : DEFAULT_MUTATION_CALLS_PER_MONTH;
}
