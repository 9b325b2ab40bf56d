/**
 * `application/x-www-form-urlencoded` bodies of the query protocol, as ordered key/value pairs.
 * Reading is form decoding (`+` is a space, as botocore's urlencode sends it; the JavaScript
 * SDK sends `%20`); writing is RFC 3986 percent-encoding, as the JavaScript SDK does, which
 * every form reader accepts.
 */
import { encodeSegment } from '../uri-template.js';
import type { WireIssue } from './issues.js';

export interface FormRead {
  /** Key → value; for a key sent twice, the first value (the second is an issue). */
  pairs: Map<string, string>;
  issues: WireIssue[];
}

function decodeComponent(text: string): string | null {
  const spaced = text.includes('+') ? text.replace(/\+/g, ' ') : text;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return null;
  }
}

export function readForm(body: string): FormRead {
  const pairs = new Map<string, string>();
  const issues: WireIssue[] = [];
  // The parts of body.split('&'), without the array.
  for (let start = 0; start <= body.length;) {
    const amp = body.indexOf('&', start);
    const end = amp === -1 ? body.length : amp;
    const part = body.slice(start, end);
    start = end + 1;
    if (part === '') continue;
    const equals = part.indexOf('=');
    const key = decodeComponent(equals < 0 ? part : part.slice(0, equals));
    const value = equals < 0 ? '' : decodeComponent(part.slice(equals + 1));
    if (key === null || value === null) {
      issues.push({ code: 'invalid-form', pointer: '', wire: part, message: `form pair ${JSON.stringify(part)} has a malformed percent escape` });
      continue;
    }
    if (pairs.has(key)) {
      issues.push({ code: 'duplicate-key', pointer: '', wire: key, message: `form key ${key} is sent twice; the first value is kept` });
      continue;
    }
    pairs.set(key, value);
  }
  return { pairs, issues };
}

export function writeForm(pairs: Iterable<readonly [string, string]>): string {
  const parts: string[] = [];
  for (const [key, value] of pairs) parts.push(`${encodeSegment(key)}=${encodeSegment(value)}`);
  return parts.join('&');
}
