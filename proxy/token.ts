/**
 * The optional proxy token, compared in constant time (no early exit on the first differing
 * byte), with plain code so it runs the same on Node and on fetch-based hosts.
 */
const encoder = new TextEncoder();

export function tokenMatches(given: string | undefined | null, expected: string): boolean {
  if (given === undefined || given === null) return false;
  const a = encoder.encode(given);
  const b = encoder.encode(expected);
  // The loop runs over the expected token's length only, so its time says nothing about `given`.
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a[i] ?? 0) ^ b[i];
  return diff === 0;
}
