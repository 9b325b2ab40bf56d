/**
 * Headers that change on every request even when the request means the same thing:
 * SigV4 signing material, SDK invocation bookkeeping, client identity and the host the
 * SDK happened to target. The matcher never puts them in a key (even when a user
 * allow-lists them) and the redaction code reuses the list. Lower-case, as stored.
 */
export const VOLATILE_HEADERS: readonly string[] = Object.freeze([
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'amz-sdk-invocation-id',
  'amz-sdk-request',
  'user-agent',
  'x-amz-user-agent',
  'host',
]);

const volatileSet: ReadonlySet<string> = new Set(VOLATILE_HEADERS);

/** True when `name` (any case) is one of `VOLATILE_HEADERS`. */
export function isVolatileHeader(name: string): boolean {
  return volatileSet.has(name.toLowerCase());
}
