/**
 * Parsing a config file's JSON with a position people can use. JSON.parse does the parsing;
 * when it refuses, a small scanner finds where and what was expected, because Node 20's
 * messages sometimes carry an offset, sometimes none ("Unexpected token '}', ... is not valid
 * JSON"), and never a line and column.
 */

export type ParsedJson = { ok: true; value: unknown } | { ok: false; reason: string };

/** Thrown by the scanner and caught by `parseJsonText`, which turns it into a reason: it never leaves this file. */
class SyntaxProblem extends Error {
  override readonly name = 'SyntaxProblem';
  constructor(
    readonly offset: number,
    readonly expected: string,
  ) {
    super(`expected ${expected} at offset ${offset}`);
  }
}

/** Walks the text as JSON and throws a SyntaxProblem at the first character that cannot fit. */
class Scanner {
  private pos = 0;
  constructor(private readonly text: string) {}

  check(): void {
    this.whitespace();
    this.value();
    this.whitespace();
    if (this.pos < this.text.length) this.fail('the end of the file');
  }

  private fail(expected: string): never {
    throw new SyntaxProblem(this.pos, expected);
  }

  private whitespace(): void {
    while (/[ \t\n\r]/.test(this.text[this.pos] ?? '')) this.pos++;
  }

  private expect(char: string, expected: string): void {
    if (this.text[this.pos] !== char) this.fail(expected);
    this.pos++;
  }

  private value(): void {
    const c = this.text[this.pos];
    if (c === '{')
      return this.sequence(
        '}',
        () => {
          this.string('a property name in double quotes');
          this.whitespace();
          this.expect(':', '":" after the property name');
          this.whitespace();
          this.value();
        },
        '"," or "}"',
      );
    if (c === '[') return this.sequence(']', () => this.value(), '"," or "]"');
    if (c === '"') return this.string('a string');
    for (const word of ['true', 'false', 'null']) {
      if (c === word[0]) {
        for (const letter of word) this.expect(letter, `"${word}"`);
        return;
      }
    }
    const number = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
    number.lastIndex = this.pos;
    if (!number.test(this.text)) this.fail('a value (object, array, string, number, true, false or null)');
    this.pos = number.lastIndex;
  }

  /** An object or array: `open item (, item)* close`, no trailing comma. */
  private sequence(close: string, item: () => void, separator: string): void {
    this.pos++;
    this.whitespace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      this.whitespace();
      item();
      this.whitespace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
      this.expect(',', separator);
    }
  }

  private string(expected: string): void {
    this.expect('"', expected);
    for (;;) {
      const c = this.text[this.pos];
      if (c === undefined || c < ' ') this.fail("the closing '\"' of the string");
      if (c === '"') {
        this.pos++;
        return;
      }
      if (c === '\\') {
        this.pos++;
        const escape = this.text[this.pos] ?? '';
        if (escape === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(this.text.slice(this.pos + 1, this.pos + 5))) this.fail('four hex digits after "\\u"');
          this.pos += 4;
        } else if (!'"\\/bfnrt'.includes(escape) || escape === '') {
          this.fail('an escape: \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX');
        }
      }
      this.pos++;
    }
  }
}

function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}`;
}

export function parseJsonText(text: string): ParsedJson {
  // A byte order mark is what some Windows editors put first; JSON.parse refuses it.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    try {
      new Scanner(body).check();
    } catch (problem) {
      if (!(problem instanceof SyntaxProblem)) throw problem;
      const found = body[problem.offset];
      const what = found === undefined ? 'the end of the file' : JSON.stringify(found);
      return { ok: false, reason: `not valid JSON at ${lineAndColumn(body, problem.offset)}: expected ${problem.expected}, found ${what}` };
    }
    // The scanner accepted what JSON.parse refused: say what JSON.parse said.
    return { ok: false, reason: `not valid JSON: ${(error as Error).message}` };
  }
}
