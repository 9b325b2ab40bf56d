/**
 * One string that matches a simple regular expression, for building canned responses from the
 * AWS models' patterns (`[1-5]\d\d`, `^[a-z0-9]+$`, the overlays' `method\.response\.header\..+`).
 * Understood: literals, escapes (`\d \w \s`, their negations `\D \W \S`, the Unicode
 * categories `\p{L} \p{N} \p{Z}` as Lambda's tag patterns use them, `\xHH`, and escaped punctuation),
 * `.`, classes with ranges and negation, groups with `|` (the first alternative is taken),
 * `* + ? {n} {n,} {n,m}`, and the anchors `^ $`. Look-arounds (`(?!^[0-9]+$)`, `(?<!\.)`)
 * produce nothing: the caller checks every sample against the real RegExp, so a sample one of
 * them forbids is refused there, never passed on. Anything else (back-references, named
 * groups) throws: a sampler that guesses would hide a contract it cannot honour.
 */

/** `repeat` is how many times an unbounded quantifier (`*`, `+`, `{n,}`) repeats, at least its minimum. */
export function samplePattern(pattern: string, repeat = 0): string {
  const parser = new PatternParser(pattern, repeat);
  const text = parser.alternatives();
  if (parser.position < pattern.length) parser.fail(`unexpected "${pattern[parser.position]}"`);
  return text;
}

/** Letters first, then digits, then the rest: samples read like identifiers where they can. */
const PREFERENCE = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.';

class PatternParser {
  position = 0;

  constructor(
    private readonly source: string,
    private readonly repeat: number,
  ) {}

  fail(reason: string): never {
    throw new Error(`Failed to sample pattern ${JSON.stringify(this.source)} at ${this.position}: ${reason}`);
  }

  private peek(): string | undefined {
    return this.source[this.position];
  }

  private next(): string {
    const char = this.source[this.position++];
    if (char === undefined) this.fail('unexpected end');
    return char;
  }

  /** `a|b|c` up to the end or a closing parenthesis; the first alternative wins. */
  alternatives(): string {
    const first = this.sequence();
    while (this.peek() === '|') {
      this.position++;
      this.sequence();
    }
    return first;
  }

  private sequence(): string {
    let text = '';
    for (let char = this.peek(); char !== undefined && char !== '|' && char !== ')'; char = this.peek()) {
      if (char === '^' || char === '$') {
        this.position++;
        continue;
      }
      const atom = this.atom();
      const [min, max] = this.quantifier();
      const count = max === Infinity ? Math.max(min, this.repeat) : min;
      for (let i = 0; i < count; i++) text += atom();
    }
    return text;
  }

  /** Returns a producer, so a quantified group is parsed once and produced n times. */
  private atom(): () => string {
    const char = this.next();
    if (char === '(') {
      if (this.peek() === '?') {
        const lookaround = /^\?(?:[=!]|<[=!])/.exec(this.source.slice(this.position));
        if (lookaround !== null) {
          this.position += lookaround[0].length;
          this.alternatives();
          if (this.next() !== ')') this.fail('unclosed group');
          return () => '';
        }
        if (this.source.startsWith('?:', this.position)) this.position += 2;
        else this.fail('named groups are not supported');
      }
      const text = this.alternatives();
      if (this.next() !== ')') this.fail('unclosed group');
      return () => text;
    }
    if (char === '[') {
      const choice = pick(this.charClass());
      return () => choice;
    }
    if (char === '.') return () => 'a';
    if (char === '\\') {
      const choice = pick(this.escape());
      return () => choice;
    }
    if ('*+?{'.includes(char)) this.fail(`quantifier "${char}" without an atom`);
    return () => char;
  }

  /** The characters an escape stands for (inside or outside a class). */
  private escape(): Set<string> {
    const char = this.next();
    switch (char) {
      case 'd':
        return charRange('0', '9');
      case 'w':
        return new Set([...charRange('a', 'z'), ...charRange('A', 'Z'), ...charRange('0', '9'), '_']);
      case 's':
        return new Set([' ', '\t']);
      case 'S':
      case 'D':
      case 'W':
        return new Set([...PREFERENCE].filter((member) => !this.escapeOf(char.toLowerCase()).has(member)));
      case 'p':
        return this.category();
      case 'x': {
        // `\x22`: the character of two hex digits.
        const hex = /^[0-9A-Fa-f]{2}/.exec(this.source.slice(this.position));
        if (hex === null) this.fail('expected two hex digits after \\x');
        this.position += 2;
        return new Set([String.fromCharCode(parseInt(hex[0], 16))]);
      }
      case 'n':
        return new Set(['\n']);
      case 't':
        return new Set(['\t']);
      case 'u': {
        // `\u0020`, as IAM's and STS's patterns spell their ranges.
        const hex = this.source.slice(this.position, this.position + 4);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail('expected four hex digits after \\u');
        this.position += 4;
        return new Set([String.fromCharCode(Number.parseInt(hex, 16))]);
      }
      default:
        if (/[A-Za-z0-9]/.test(char)) this.fail(`escape "\\${char}" is not supported`);
        return new Set([char]);
    }
  }

  /** What the lower-case escape `\\${char}` stands for (for its negation). */
  private escapeOf(char: string): Set<string> {
    return char === 'd' ? charRange('0', '9') : char === 's' ? new Set([' ', '\t']) : new Set([...charRange('a', 'z'), ...charRange('A', 'Z'), ...charRange('0', '9'), '_']);
  }

  /** `\p{L}` letters, `\p{N}` digits, `\p{Z}` a space: ASCII members of those categories are enough to sample. */
  private category(): Set<string> {
    const match = /^\{([A-Za-z]+)\}/.exec(this.source.slice(this.position));
    if (match === null) this.fail('expected a Unicode category such as \\p{L}');
    this.position += match[0].length;
    const name = match[1]!;
    if (name === 'L' || name === 'Letter') return new Set([...charRange('a', 'z'), ...charRange('A', 'Z')]);
    if (name === 'N' || name === 'Nd') return charRange('0', '9');
    if (name === 'Z' || name === 'Zs') return new Set([' ']);
    return this.fail(`Unicode category "${name}" is not supported`);
  }

  /** The set a `[...]` class allows; a negated class allows the preferred characters it does not exclude. */
  private charClass(): Set<string> {
    const negated = this.peek() === '^';
    if (negated) this.position++;
    const members = new Set<string>();
    let first = true;
    while (this.peek() !== ']' || first) {
      first = false;
      let from: Set<string>;
      const char = this.next();
      if (char === '\\') from = this.escape();
      else from = new Set([char]);
      if (this.peek() === '-' && this.source[this.position + 1] !== ']' && from.size === 1) {
        this.position++;
        const end = this.next();
        from = charRange([...from][0]!, end === '\\' ? [...this.escape()][0]! : end);
      }
      from.forEach((member) => members.add(member));
    }
    this.position++;
    if (!negated) return members;
    return new Set([...PREFERENCE].filter((char) => !members.has(char)));
  }

  private quantifier(): [number, number] {
    const char = this.peek();
    if (char === '*' || char === '+' || char === '?') {
      this.position++;
      if (this.peek() === '?') this.position++; // lazy: same strings
      return char === '*' ? [0, Infinity] : char === '+' ? [1, Infinity] : [0, 1];
    }
    if (char !== '{') return [1, 1];
    const match = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.position));
    if (!match) return [1, 1];
    this.position += match[0].length;
    const min = Number(match[1]);
    if (match[2] === undefined) return [min, min];
    return [min, match[3] ? Number(match[3]) : Infinity];
  }
}

/** The characters from `from` to `to`; of a wide range (`\u00A0-\uD7FF`) its first 256 are sample enough. */
function charRange(from: string, to: string): Set<string> {
  const set = new Set<string>();
  const start = from.codePointAt(0)!;
  for (let code = start; code <= to.codePointAt(0)! && code < start + 256; code++) set.add(String.fromCodePoint(code));
  return set;
}

function pick(choices: Set<string>): string {
  for (const char of PREFERENCE) if (choices.has(char)) return char;
  const [first] = choices;
  if (first === undefined) throw new Error('Failed to sample pattern: a character class allows nothing');
  return first;
}
