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

/** Whitespace, quotes, `,;` and brackets: where a token (a word, an ARN) starts after. */
const BREAK = new Uint8Array(128);
for (const char of ' \t\n\v\f\r"\'`,;()[]{}<>') BREAK[char.charCodeAt(0)] = 1;
const isTokenBreak = (code: number): boolean => (code < 128 ? BREAK[code] === 1 : /\s/.test(String.fromCharCode(code)));

/** Where an `arn:` or `arn%3A` (any case) that ends with the character at `at` starts, or -1. */
function arnEndingAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 0x3a && at >= 3 && text.slice(at - 3, at).toLowerCase() === 'arn') return at - 3;
  if ((code | 0x20) === 0x61 && at >= 5 && text.slice(at - 5, at + 1).toLowerCase() === 'arn%3a') return at - 5;
  return -1;
}

/** ARNs run to 2048 characters at most: an `arn:` further back does not cover a match. */
const ARN_REACH = 2048;

/**
 * Answers "is the match at `index` part of an ARN (`arn:aws:iam::…:role/…`)?" for
 * increasing indexes, reading each character of the text once in all: the token holding
 * `index` (since the last break) has an `arn:` within ARN_REACH characters before it.
 * Looking back from every match instead cost 2048 steps per match, 2 s per megabyte of
 * `key-key-key…`.
 */
export class ArnTracker {
  #scanned = 0;
  #tokenStart = 0;
  #lastArn = -1;

  constructor(private readonly text: string) {}

  inside(index: number): boolean {
    for (let i = this.#scanned; i < index; i++) {
      const code = this.text.charCodeAt(i);
      if (isTokenBreak(code)) {
        this.#tokenStart = i + 1;
        this.#lastArn = -1;
      } else {
        // Found at its last character, so it lies wholly before any later index.
        const start = arnEndingAt(this.text, i);
        if (start >= 0) this.#lastArn = start;
      }
    }
    this.#scanned = Math.max(this.#scanned, index);
    return this.#lastArn >= this.#tokenStart && this.#lastArn >= index - ARN_REACH;
  }
}
