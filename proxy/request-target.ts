/**
 * The request target as the proxy uses it: always origin form (`/path?query`). A client
 * (or an attacker treating tapegate as an HTTP proxy) may send the absolute form
 * `GET http://evil.example/x HTTP/1.1`; its authority is dropped here and never consulted
 * again, exactly like the Host header: where a request goes is decided by upstream.ts only.
 */

export interface OriginForm {
  /** `/path?query`, as sent (percent-encoding untouched). */
  target: string;
  /** The authority an absolute-form target named, for the log; null for origin form. */
  ignoredAuthority: string | null;
}

const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)([^#]*)/;

/** Null for targets that are neither origin nor absolute form (`*`, `host:443`). */
export function originForm(url: string): OriginForm | null {
  if (url.startsWith('/')) return { target: url, ignoredAuthority: null };
  const match = ABSOLUTE_FORM.exec(url);
  if (match === null) return null;
  const rest = match[2] as string;
  const target = rest === '' ? '/' : rest.startsWith('?') ? '/' + rest : rest;
  return { target, ignoredAuthority: match[1] as string };
}
