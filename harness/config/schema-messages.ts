/**
 * ajv's errors on a config file → one sentence per mistake, each naming the key by its JSON
 * Pointer and saying what was expected and what came: `/failOn must be one of error, warn,
 * never (got "fatal")`, `/matchHeader is not a known key (did you mean matchHeaders?)`.
 */
import type { ErrorObject } from 'ajv';
import { escapeSegment } from '../../core/json-pointer.js';
import { suggestion } from './closest.js';

interface Worded {
  patternErrorMessage?: string;
  errorMessage?: string;
  properties?: Record<string, unknown>;
}

export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

const ARTICLES: Record<string, string> = { object: 'an object', array: 'an array', integer: 'an integer' };

function article(type: string): string {
  return ARTICLES[type] ?? `a ${type}`;
}

/** The key an error is about, as a pointer; the file itself is "the file". */
function where(pointer: string): string {
  return pointer === '' ? 'the file' : pointer;
}

function sentence(error: ErrorObject): { pointer: string; text: string } {
  const parent = (error.parentSchema ?? {}) as Worded;
  const params = error.params as Record<string, unknown>;
  const got = ` (got ${shown(error.data)})`;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const pointer = `${error.instancePath}/${escapeSegment(key)}`;
      const near = suggestion(key, Object.keys(parent.properties ?? {}));
      return { pointer, text: `${pointer} is not a known key${near === undefined ? '' : ` (did you mean ${near}?)`}` };
    }
    case 'enum':
      return { pointer: error.instancePath, text: `${where(error.instancePath)} must be one of ${(params.allowedValues as unknown[]).join(', ')}${got}` };
    case 'type':
      return { pointer: error.instancePath, text: `${where(error.instancePath)} must be ${article(String(params.type))}${got}` };
    case 'pattern': {
      const pointer = error.propertyName === undefined ? error.instancePath : `${error.instancePath}/${escapeSegment(error.propertyName)}`;
      const rule = parent.patternErrorMessage ?? `must match ${String(params.pattern)}`;
      return { pointer, text: `${pointer} ${rule}${error.propertyName === undefined ? got : ''}` };
    }
    default:
      return { pointer: error.instancePath, text: `${where(error.instancePath)} ${error.message ?? `fails ${error.keyword}`}${got}` };
  }
}

/** Keywords whose failure only sums up failures already reported beneath them. */
const SUMMARIES = new Set(['anyOf', 'oneOf', 'allOf', 'propertyNames', 'if']);

export function schemaProblems(errors: readonly ErrorObject[]): string[] {
  // A value with its own `errorMessage` (a choice of forms, like maxBodyBytes) gets that one
  // sentence instead of one per rule or alternative it failed.
  const worded = new Map<string, string>();
  for (const error of errors) {
    const message = (error.parentSchema as Worded | undefined)?.errorMessage;
    if (message !== undefined && !worded.has(error.instancePath)) {
      worded.set(error.instancePath, `${where(error.instancePath)} ${message} (got ${shown(error.data)})`);
    }
  }
  const problems: string[] = [];
  const seen = new Set<string>();
  const once = (pointer: string, text: string): void => {
    // Two rules on one value (a pointer that neither starts with "/" nor escapes "~"): the first says it.
    if (seen.has(pointer)) return;
    seen.add(pointer);
    problems.push(text);
  };
  for (const error of errors) {
    const owner = [...worded.keys()].find((pointer) => error.instancePath === pointer || error.instancePath.startsWith(`${pointer}/`));
    if (owner !== undefined) once(owner, worded.get(owner)!);
    else if (!SUMMARIES.has(error.keyword)) {
      const { pointer, text } = sentence(error);
      once(pointer, text);
    }
  }
  return problems;
}
