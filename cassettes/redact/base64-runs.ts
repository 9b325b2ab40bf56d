/**
 * The scanner's view of text without regular expressions over unbounded runs: V8's regex
 * engine backtracks, and `[A-Za-z0-9/+]{100,}` over a 5.5 MB run overflows its stack
 * (issue 10). These loops look at each character a bounded number of times, so scanning
 * is linear in the text however it is built.
 */

/** `A-Z a-z 0-9 + /`: the characters of secret access keys and of session tokens. */
const RUN = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') RUN[char.charCodeAt(0)] = 1;

export function isRunChar(code: number): boolean {
  return code < 128 && RUN[code] === 1;
}

/**
 * Calls `visit(start, end)` for each maximal run of base64 characters at least `min` long,
 * in order, until `visit` returns true. A run is maximal: the characters just before
 * `start` and at `end` are not base64 characters.
 */
export function eachRun(text: string, min: number, visit: (start: number, end: number) => boolean | void): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    if (!isRunChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < length && isRunChar(text.charCodeAt(i))) i++;
    if (i - start >= min && visit(start, i) === true) return;
  }
}

const isQuote = (code: number): boolean => code === 0x22 || code === 0x27 || code === 0x5c; // " ' \
const isSpace = (code: number): boolean => code === 0x20 || (code >= 0x09 && code <= 0x0d);
const isNameChar = (code: number): boolean =>
  (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x2e || code === 0x2d;

/**
 * The name in a `name=value`, `name: value`, `"name": "value"` or `\"name\":\"value\"`
 * context ending at `index`, looked for within `window` characters before it. Read
 * backwards, one step per character: quotes, spaces, `:` or `=`, spaces, quotes, the name.
 */
export function nameBefore(text: string, index: number, window = 80): string | undefined {
  const floor = Math.max(0, index - window);
  let i = index;
  while (i > floor && isQuote(text.charCodeAt(i - 1))) i--;
  while (i > floor && isSpace(text.charCodeAt(i - 1))) i--;
  if (i <= floor) return undefined;
  const mark = text.charCodeAt(i - 1);
  if (mark !== 0x3a && mark !== 0x3d) return undefined; // : =
  i--;
  while (i > floor && isSpace(text.charCodeAt(i - 1))) i--;
  while (i > floor && isQuote(text.charCodeAt(i - 1))) i--;
  const end = i;
  while (i > floor && isNameChar(text.charCodeAt(i - 1))) i--;
  return i < end ? text.slice(i, end) : undefined;
}
