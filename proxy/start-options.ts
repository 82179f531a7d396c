import type { Env } from './config';

/** `npm start` runs the sandbox unless EB_UPSTREAM=live or both upstream URLs are given. */
export function wantsSandbox(env: Env): boolean {
  if (env.EB_SOAP_URL?.trim() && env.EB_REST_URL?.trim()) return false;
  return (env.EB_UPSTREAM ?? '').trim().toLowerCase() !== 'live';
}
