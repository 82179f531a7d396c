/**
 * The settings as a form edits them: both connection kinds kept side by side (switching
 * back and forth loses nothing), turned into the settings shape only when saving.
 * Validation and saving happen in the background (the popup does not carry zod).
 */
import { DEFAULT_PROXY_URL } from './default-proxy';
import type { Settings } from './settings';

/** The origin of this build's default proxy (from lib/default-proxy.ts: lib/settings.ts brings zod). */
const DEFAULT_PROXY_ORIGIN = new URL(DEFAULT_PROXY_URL).origin;

export interface SettingsDraft extends Omit<Settings, 'connection'> {
  connectionKind: 'token' | 'securityCodes';
  apiToken: string;
  username: string;
  securityCode1: string;
  securityCode2: string;
}

export function draftFromSettings(s: Settings): SettingsDraft {
  const c = s.connection;
  return {
    ...structuredClone({ ...s, connection: undefined }),
    connectionKind: c?.kind ?? 'token',
    apiToken: c?.kind === 'token' ? c.apiToken : '',
    username: c?.kind === 'securityCodes' ? c.username : '',
    securityCode1: c?.kind === 'securityCodes' ? c.securityCode1 : '',
    securityCode2: c?.kind === 'securityCodes' ? c.securityCode2 : '',
  } as SettingsDraft;
}

/** The settings input the schema validates. Draft fields map onto error paths ("connection.apiToken"). */
export function settingsFromDraft(d: SettingsDraft): unknown {
  const { connectionKind, apiToken, username, securityCode1, securityCode2, ...rest } = d;
  const connection =
    connectionKind === 'token'
      ? { kind: 'token', apiToken }
      : { kind: 'securityCodes', username, securityCode1, securityCode2 };
  return { ...JSON.parse(JSON.stringify(rest)), connection };
}

/**
 * The host permission a proxy URL needs, or undefined for the default proxy or an invalid URL.
 * The pattern names no port: Firefox's match patterns cannot hold one (it refuses to request
 * `http://localhost:8788/*` as not declared), and a pattern without a port covers every port in
 * Chrome and Firefox alike.
 */
export function extraOriginFor(proxyUrl: string): string | undefined {
  try {
    const url = new URL(proxyUrl.trim());
    if (url.origin === DEFAULT_PROXY_ORIGIN) return undefined;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}
