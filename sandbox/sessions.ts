/**
 * Open sessions of both protocols. REST session tokens and SOAP SessionIDs live here so the
 * control API can expire or drop them all at once.
 */
import { randomUUID } from 'node:crypto';

export interface SbSession {
  /** Epoch ms. */
  expiresAt: number;
  closed: boolean;
  /** SOAP OpenSessionSub: the administration opened. */
  administrationGuid?: string;
}

export type SessionState = 'ok' | 'expired' | 'closed' | 'unknown';

export class Sessions {
  rest = new Map<string, SbSession>();
  soap = new Map<string, SbSession>();
  now: () => number = () => Date.now();

  /** Opens a session and returns its token. SOAP SessionIDs look like `{GUID}` upper case. */
  open(kind: 'rest' | 'soap', ttlSeconds: number, extra: Partial<SbSession> = {}): string {
    const token =
      kind === 'soap'
        ? `{${randomUUID().toUpperCase()}}`
        : randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, '');
    this[kind].set(token, { expiresAt: this.now() + ttlSeconds * 1000, closed: false, ...extra });
    return token;
  }

  check(kind: 'rest' | 'soap', token: string): SessionState {
    const session = this[kind].get(token);
    if (!session) return 'unknown';
    if (session.closed) return 'closed';
    if (session.expiresAt <= this.now()) return 'expired';
    return 'ok';
  }

  get(kind: 'rest' | 'soap', token: string): SbSession | undefined {
    return this[kind].get(token);
  }

  close(kind: 'rest' | 'soap', token: string): boolean {
    const session = this[kind].get(token);
    if (!session || session.closed) return false;
    session.closed = true;
    return true;
  }

  /** Every open session of both protocols becomes expired now. */
  expireAll(): number {
    const at = this.now() - 1;
    let n = 0;
    for (const map of [this.rest, this.soap]) {
      for (const s of map.values()) {
        if (!s.closed && s.expiresAt > at) n++;
        s.expiresAt = Math.min(s.expiresAt, at);
      }
    }
    return n;
  }

  clear(): void {
    this.rest.clear();
    this.soap.clear();
  }
}
