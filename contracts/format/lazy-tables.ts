/**
 * A contract file read the way serialize.ts lays it out, so its big tables cost nothing until
 * an entry is asked for. JSON.parse of a whole file is most of what loading a service costs in a
 * fresh process (SSM's 377 KB take over ten milliseconds while V8 is cold), and an exchange reads
 * one operation's messages, errors and the shapes they reach. So the text of `messages`,
 * `errors`, `shapes` and `wireShapes` (one entry a line) is kept, an entry found by searching for
 * its line and parsed on first read; everything else (the header, the operations, the wire
 * operations) is parsed at once. The searching is the engine's (indexOf), not a loop over lines:
 * cold JavaScript is slower than JSON.parse; once every name has been listed (a whole table
 * read), entries are found by name. A file laid out otherwise is not this reader's:
 * `parseLaidOut` answers null.
 */
import { TapegateError } from '../../core/errors.js';

const LAZY_TABLES = ['messages', 'errors', 'shapes', 'wireShapes'] as const;

/** The file's object with its lazy tables; null when the text is not laid out as serialize.ts writes it, or the rest does not parse. */
export function parseLaidOut(text: string, file: string): Record<string, unknown> | null {
  const bodies: { table: string; start: number; end: number }[] = [];
  for (const table of LAZY_TABLES) {
    const open = `\n"${table}":{\n`;
    const at = text.indexOf(open);
    if (at === -1) continue;
    const start = at + open.length;
    // Entry lines start with `"`: the first line that starts with `}` closes the table.
    const end = text.indexOf('\n}', start - 1);
    if (end === -1) return null;
    bodies.push({ table, start, end });
  }
  bodies.sort((a, b) => a.start - b.start);
  let skeleton = '';
  let from = 0;
  for (const { start, end } of bodies) {
    if (start < from) return null;
    skeleton += text.slice(from, start);
    from = end;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(skeleton + text.slice(from));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const object = parsed as Record<string, unknown>;
  for (const { table, start, end } of bodies) object[table] = lazyTable(new TableText(text, start, end, `Failed to load contracts "${file}": ${table}`));
  return object;
}

/** One table's lines within the file's text. */
class TableText {
  private names: string[] | undefined;
  /** Each name's first line, once every name has been listed: reading a whole table then costs one pass, not a search per entry. */
  private lines: Map<string, [number, number]> | undefined;

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly end: number,
    private readonly failure: string,
  ) {}

  /** Where the entry's value starts and ends, or undefined when the table has none of that name. */
  find(name: string): [number, number] | undefined {
    if (this.lines !== undefined) return this.lines.get(name);
    // The generator writes every table sorted by name: halving finds an entry in a dozen probes,
    // where a search of the text reads half of it on average (S3's wire shapes are 181 KB). A table
    // in another order (a hand edit) is still read right: what halving misses, the search finds.
    const halved = this.bisect(name);
    if (halved !== undefined) return halved;
    const line = `\n${JSON.stringify(name)}:`;
    const at = this.text.indexOf(line, this.start - 1);
    if (at === -1 || at >= this.end) return undefined;
    const from = at + line.length;
    let to = this.text.indexOf('\n', from);
    if (to === -1 || to > this.end) to = this.end;
    return [from, this.text.charCodeAt(to - 1) === COMMA ? to - 1 : to];
  }

  /** The entry called `name`, found by halving the table as if it were sorted; undefined when that does not find it. */
  private bisect(name: string): [number, number] | undefined {
    // `low` is always the start of a line; the entry, if the table is sorted, starts in [low, high).
    let low = this.start;
    let high = this.end;
    while (low < high) {
      const from = this.text.lastIndexOf('\n', ((low + high) >>> 1) - 1) + 1;
      let to = this.text.indexOf('\n', from);
      if (to === -1 || to > this.end) to = this.end;
      const quote = this.text.indexOf('":', from);
      if (this.text.charCodeAt(from) !== QUOTE || quote === -1 || quote >= to) return undefined;
      const lineName = this.text.slice(from + 1, quote);
      // A name with escapes is not compared raw: the search of the text takes over.
      if (lineName.includes('\\')) return undefined;
      if (lineName === name) return [quote + 2, this.text.charCodeAt(to - 1) === COMMA ? to - 1 : to];
      if (name < lineName) high = from;
      else low = to + 1;
    }
    return undefined;
  }

  parse(name: string, [from, to]: [number, number]): unknown {
    try {
      return JSON.parse(this.text.slice(from, to));
    } catch (error) {
      throw new TapegateError(`${this.failure} "${name}": ${(error as Error).message}`, 2);
    }
  }

  /**
   * The names of the entries whose line holds one of `needles`, in the file's order: a few
   * searches of the text, nothing parsed but the names.
   */
  namesMentioning(needles: readonly string[]): string[] {
    const lineStarts = new Set<number>();
    for (const needle of needles) {
      for (let at = this.text.indexOf(needle, this.start); at !== -1 && at < this.end; at = this.text.indexOf(needle, at + needle.length)) {
        lineStarts.add(this.text.lastIndexOf('\n', at) + 1);
      }
    }
    return [...lineStarts]
      .sort((a, b) => a - b)
      .map((from) => {
        const quote = this.text.indexOf('":', from);
        const name: unknown = JSON.parse(this.text.slice(from, quote + 1));
        if (typeof name !== 'string') throw new TapegateError(`${this.failure}: a line is not one entry`, 2);
        return name;
      });
  }

  /** Every entry's name, in the file's order. */
  allNames(): string[] {
    if (this.names === undefined) {
      const names: string[] = [];
      const lines = new Map<string, [number, number]>();
      for (let from = this.start; from < this.end;) {
        let to = this.text.indexOf('\n', from);
        if (to === -1 || to > this.end) to = this.end;
        if (to > from) {
          const quote = this.text.indexOf('":', from);
          const name: unknown = quote === -1 || quote >= to ? undefined : JSON.parse(this.text.slice(from, quote + 1));
          if (typeof name !== 'string') throw new TapegateError(`${this.failure}: a line is not one entry`, 2);
          names.push(name);
          // The first line of a name, as `find` searching the text gives it.
          if (!lines.has(name)) lines.set(name, [quote + 2, this.text.charCodeAt(to - 1) === COMMA ? to - 1 : to]);
        }
        from = to + 1;
      }
      this.names = names;
      this.lines = lines;
    }
    return this.names;
  }
}

const COMMA = 44;
const QUOTE = 34;

/**
 * A record whose entries are parsed on first read, and are plain values from then on. It is a
 * Proxy so that everything reading a record (a lookup, `Object.hasOwn`, `Object.entries`, an
 * assignment) reads this one; expand.ts copies what it takes out of it, so no contract holds it.
 */
function lazyTable(table: TableText): Record<string, unknown> {
  const target: Record<string, unknown> = {};
  // An edit (a write, a definition, a deletion) leaves the text behind: namesMentioning no longer answers for it.
  const edited = (): void => void texts.delete(proxy);
  const proxy = new Proxy(target, traps(table, target, edited));
  texts.set(proxy, table);
  return proxy;
}

/** Each lazy table's text, for `namesMentioning`. */
const texts = new WeakMap<object, TableText>();

/**
 * The names of a lazy table's entries whose text holds one of `needles` (a superset of the
 * entries that hold such a key), in the file's order; undefined for a record that is not a lazy
 * table (a file laid out otherwise, a table edited since).
 */
export function namesMentioning(record: object, needles: readonly string[]): string[] | undefined {
  return texts.get(record)?.namesMentioning(needles);
}

function traps(table: TableText, target: Record<string, unknown>, edited: () => void): ProxyHandler<Record<string, unknown>> {
  /** Entries deleted, or replaced: the text no longer speaks for them. */
  const overridden = new Set<string>();
  const fromText = (key: string | symbol): boolean => typeof key === 'string' && !overridden.has(key) && !Object.hasOwn(target, key);
  const settle = (key: string | symbol): void => {
    if (!fromText(key)) return;
    const at = table.find(key as string);
    if (at !== undefined) Object.defineProperty(target, key, { value: table.parse(key as string, at), enumerable: true, writable: true, configurable: true });
  };
  const override = (key: string | symbol): void => {
    edited();
    if (typeof key === 'string') overridden.add(key);
  };
  return {
    get(_, key) {
      settle(key);
      return Reflect.get(target, key) as unknown;
    },
    has(_, key) {
      return (fromText(key) && table.find(key as string) !== undefined) || Reflect.has(target, key);
    },
    ownKeys() {
      const names = table.allNames();
      const fromFile = names.filter((name) => Object.hasOwn(target, name) || !overridden.has(name));
      const added = Reflect.ownKeys(target).filter((key) => typeof key !== 'string' || !names.includes(key));
      return [...fromFile, ...added];
    },
    getOwnPropertyDescriptor(_, key) {
      settle(key);
      return Reflect.getOwnPropertyDescriptor(target, key);
    },
    set(_, key, value) {
      override(key);
      return Reflect.set(target, key, value);
    },
    defineProperty(_, key, descriptor) {
      override(key);
      return Reflect.defineProperty(target, key, descriptor);
    },
    deleteProperty(_, key) {
      override(key);
      return Reflect.deleteProperty(target, key);
    },
  };
}
