/**
 * How deeply nested JSON tapegate is willing to parse and walk. Everything that walks a
 * JSON value (canonical keys, redaction, the secret scanner, msgpack, JSON.stringify, the
 * contract validator) recurses once per level, so a few kilobytes of `[[[[…]]]]` would
 * overflow the stack. Bodies deeper than the limit are kept as bytes, never parsed; values
 * that arrive already parsed (a cassette, its JSON form) are refused beyond it.
 *
 * 512 levels: boto3 cannot read deeper than about 990 (Python's json module recurses,
 * under a recursion limit of 1000), no AWS shape comes near it, and 512 frames per walker
 * leave ample room on V8's stack even for the walkers that use several frames per level.
 */
export const MAX_JSON_DEPTH = 512;

const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * True when JSON text (UTF-8 bytes or a string) opens more than `limit` arrays and objects
 * inside each other. One pass, no allocation; brackets inside strings do not count. It does
 * not check that the text is JSON: text that is not will fail to parse anyway. It runs
 * before every body is parsed, so it is one tight loop per input type.
 */
export function jsonTextTooDeep(text: Uint8Array | string, limit = MAX_JSON_DEPTH): boolean {
  // Each level needs at least one opening byte: short text cannot be too deep.
  if (text.length <= limit) return false;
  return typeof text === 'string' ? stringTooDeep(text, limit) : bytesTooDeep(text, limit);
}

function bytesTooDeep(bytes: Uint8Array, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes[i]!;
    if (code === QUOTE) {
      // Skip the string: to its closing quote, past escaped characters.
      for (i++; i < bytes.length; i++) {
        const inner = bytes[i]!;
        if (inner === BACKSLASH) i++;
        else if (inner === QUOTE) break;
      }
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

function stringTooDeep(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      for (i++; i < text.length; i++) {
        const inner = text.charCodeAt(i);
        if (inner === BACKSLASH) i++;
        else if (inner === QUOTE) break;
      }
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/**
 * True when a parsed value nests more than `limit` arrays and objects. It stops at the
 * limit, so its own recursion is bounded whatever it is given. It runs on every body a
 * cassette read decodes, so scalars are skipped without a call.
 */
export function jsonValueTooDeep(value: unknown, limit = MAX_JSON_DEPTH): boolean {
  if (typeof value !== 'object' || value === null || ArrayBuffer.isView(value)) return false;
  if (limit === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element === 'object' && element !== null && jsonValueTooDeep(element, limit - 1)) return true;
    }
    return false;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) {
    const member = record[key];
    if (typeof member === 'object' && member !== null && jsonValueTooDeep(member, limit - 1)) return true;
  }
  return false;
}

/** The sentence errors and findings use: `nested deeper than 512 levels`. */
export function tooDeepText(limit = MAX_JSON_DEPTH): string {
  return `nested deeper than ${limit} levels`;
}
