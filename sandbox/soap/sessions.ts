/**
 * SOAP session rules on top of the shared session table (`ctx.sessions.soap`, which the control
 * API expires and clears), and the GetMutaties monthly call quota.
 */
import type { SandboxContext } from '../faults';
import type { SbSession } from '../sessions';

export function openSoapSession(ctx: SandboxContext, administrationGuid?: string): string {
  return ctx.sessions.open('soap', ctx.config.soapSessionTtlSeconds, administrationGuid ? { administrationGuid } : {});
}

export type SessionProblem = 'E002.1' | 'E002.2' | 'E002.3' | 'E002.4' | 'E001.3';

/**
 * Checks SessionID + SecurityCode2 as every call after OpenSession does (SOAP.md §5), and renews
 * the session on success (sliding, like an ASP.NET session [I]).
 */
export function checkSoapSession(
  ctx: SandboxContext,
  sessionId: string,
  securityCode2: string,
): { session: SbSession } | { problem: SessionProblem } {
  const id = sessionId.trim();
  const code2 = securityCode2.trim();
  if (!id || !code2) return { problem: 'E002.1' };
  const state = ctx.sessions.check('soap', id);
  if (state === 'unknown') return { problem: 'E002.2' };
  if (state === 'closed') return { problem: 'E002.4' };
  if (state === 'expired') return { problem: 'E002.3' };
  const session = ctx.sessions.get('soap', id)!;
  // M §3.7: an administration's Guid is its SecurityCode2; the accountant's own code is accepted too [I].
  const accepted = session.administrationGuid
    ? [session.administrationGuid.toLowerCase(), ctx.config.securityCode2.toLowerCase()]
    : [ctx.config.securityCode2.toLowerCase()];
  if (!accepted.includes(code2.toLowerCase())) return { problem: 'E001.3' };
  session.expiresAt = ctx.sessions.now() + ctx.config.soapSessionTtlSeconds * 1000;
  return { session };
}

/** Marks a session closed; unknown ids are ignored (CloseSession has no result to report on). */
export function closeSoapSession(ctx: SandboxContext, sessionId: string): void {
  ctx.sessions.close('soap', sessionId.trim());
}

export const DEFAULT_MUTATION_CALLS_PER_MONTH = 5000;

/** GetMutaties calls per calendar month (UTC, key YYYY-MM), per sandbox. */
const mutationCalls = new WeakMap<SandboxContext, Map<string, number>>();

/**
 * Counts one GetMutaties call in the current month; false once the month's quota is used up
 * (E003.1, 5,000 a month per SOAP.md §6; `ctx.config.soapMutationCallsPerMonth`).
 */
export function countMutationCall(ctx: SandboxContext): boolean {
  let calls = mutationCalls.get(ctx);
  if (!calls) mutationCalls.set(ctx, (calls = new Map()));
  const month = new Date(ctx.sessions.now()).toISOString().slice(0, 7);
  const used = calls.get(month) ?? 0;
  if (used >= mutationCallLimit(ctx)) return false;
  calls.set(month, used + 1);
  return true;
}

export function mutationCallLimit(ctx: SandboxContext): number {
  const configured = ctx.config.soapMutationCallsPerMonth;
  return typeof configured === 'number' && configured >= 0 ? configured : DEFAULT_MUTATION_CALLS_PER_MONTH;
}

/** Forgets the GetMutaties call counts (control API reset). Sessions are cleared with `ctx.sessions.clear()`. */
export function resetSoapState(ctx: SandboxContext): void {
  mutationCalls.delete(ctx);
}
