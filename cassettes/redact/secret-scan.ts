/**
 * The last check before an exchange is written: does anything in it, after redaction,
 * look like an AWS credential (see secret-patterns.ts for what counts)? Looked at: header
 * names and values, the path, query names and values, JSON bodies (member names and
 * strings, at any depth, and the original text when one is kept) and byte bodies read as
 * latin1 text (every byte one character, so ASCII keys show whatever the encoding).
 *
 * A hit names where, never what: its pointer is RFC 6901 into the exchange
 * (`/request/headers/x-custom`, `/response/body/credentials/secretAccessKey`) and any
 * segment that is itself credential-shaped (a member named by a key) shows as `<hidden>`.
 */
import { TapegateError } from '../../core/errors.js';
import type { Body, Exchange } from '../../core/exchange.js';
import { appendPointer } from '../../core/json-pointer.js';
import { eachTextView } from './body-views.js';
import { maskSecretShapes, secretKindsIn, tokenKindText, type SecretKind } from './secret-patterns.js';

export type { SecretKind } from './secret-patterns.js';

export interface SecretHit {
  /** Where: a JSON Pointer into the exchange. Never contains the secret. */
  pointer: string;
  kind: SecretKind;
  /** `name` when the credential is a header, query or member name, not its value. */
  part: 'name' | 'value';
}

/** Shown instead of a pointer segment that is itself credential-shaped. */
export const HIDDEN_SEGMENT = '<hidden>';

/**
 * Where the scan is: a pointer built only when something is found. Clean exchanges (nearly
 * all of them) never pay for pointer strings or for masking segments: a recording proxy
 * scans every exchange, and building each member's pointer up front was most of the cost.
 */
type Place = { parent: Place | null; segment: string | number } | null;

const at = (parent: Place, segment: string | number): Place => ({ parent, segment });

function pointerOf(place: Place): string {
  const segments: (string | number)[] = [];
  for (let p = place; p !== null; p = p.parent) segments.push(p.segment);
  let pointer = '';
  for (let i = segments.length - 1; i >= 0; i--) {
    const text = String(segments[i]);
    // A segment that is itself credential-shaped (a member named by a key) is not shown.
    pointer = appendPointer(pointer, i === segments.length - 1 || maskSecretShapes(text, '') === text ? text : HIDDEN_SEGMENT);
  }
  return pointer;
}

class Hits {
  readonly list: SecretHit[] = [];
  readonly #seen = new Set<string>();

  /** Records what `text` holds at `place`; `name` is the field it is the value of. */
  check(text: string, name: string | undefined, place: Place, part: SecretHit['part']): void {
    const kinds = secretKindsIn(text, name);
    if (kinds.size === 0) return;
    const pointer = pointerOf(place);
    for (const kind of kinds) {
      const id = `${kind} ${part} ${pointer}`;
      if (this.#seen.has(id)) continue;
      this.#seen.add(id);
      this.list.push({ pointer, kind, part });
    }
  }
}

function scanNamed(entries: Record<string, string | string[]>, place: Place, hits: Hits): void {
  for (const [name, value] of Object.entries(entries)) {
    const here = at(place, name);
    hits.check(name, undefined, here, 'name');
    if (typeof value === 'string') hits.check(value, name, here, 'value');
    else value.forEach((one, index) => hits.check(one, name, at(here, index), 'value'));
  }
}

/** `name` is the nearest member name above `value`; array elements inherit it. */
function scanJson(value: unknown, name: string | undefined, place: Place, hits: Hits): void {
  if (typeof value === 'string') {
    hits.check(value, name, place, 'value');
  } else if (Array.isArray(value)) {
    value.forEach((element: unknown, index) => scanJson(element, name, at(place, index), hits));
  } else if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      const here = at(place, key);
      hits.check(key, undefined, here, 'name');
      scanJson(member, key, here, hits);
    }
  }
}

/** `contentEncoding`: the message's header, which still applies when tapegate stored the bytes undecoded. */
function scanBody(body: Body, contentEncoding: string | undefined, place: Place, hits: Hits): void {
  if (body.kind === 'bytes') {
    // Decoded views too (stacked or raw encodings, UTF-16): see body-views.ts.
    for (const text of eachTextView(body.bytes, body.encoding === undefined ? contentEncoding : undefined)) hits.check(text, undefined, place, 'value');
  } else if (body.kind === 'json') {
    const before = hits.list.length;
    scanJson(body.value, undefined, place, hits);
    // The kept original text holds the same strings; it only matters if the value was clean.
    if (body.raw !== undefined && hits.list.length === before) hits.check(body.raw, undefined, place, 'value');
  }
}

/** Every credential-shaped thing in `exchange`, in the order the exchange is laid out. */
export function scanForSecrets(exchange: Exchange): SecretHit[] {
  const hits = new Hits();
  const { request, response } = exchange;
  const requestAt = at(null, 'request');
  const responseAt = at(null, 'response');
  hits.check(request.path, undefined, at(requestAt, 'path'), 'value');
  scanNamed(request.query, at(requestAt, 'query'), hits);
  scanNamed(request.headers, at(requestAt, 'headers'), hits);
  scanBody(request.body, request.headers['content-encoding'], at(requestAt, 'body'), hits);
  scanNamed(response.headers, at(responseAt, 'headers'), hits);
  scanBody(response.body, response.headers['content-encoding'], at(responseAt, 'body'), hits);
  return hits.list;
}

const KIND_TEXT: Partial<Record<SecretKind, string>> = {
  'access-key-id': 'an AWS access key id',
  'secret-access-key': 'an AWS secret access key',
  'session-token': 'an AWS session token',
};

function describeHit(hit: SecretHit): string {
  const text = KIND_TEXT[hit.kind] ?? tokenKindText(hit.kind) ?? hit.kind;
  return `${text} ${hit.part === 'name' ? 'as a name ' : ''}at ${hit.pointer}`;
}

/**
 * Throws when `exchange` holds anything credential-shaped. `where` names the exchange
 * for the message (`apigateway.CreateRestApi`); the message says where the secret is and
 * what kind, never its value.
 */
export function assertNoSecrets(exchange: Exchange, where: string): void {
  const hits = scanForSecrets(exchange);
  if (hits.length === 0) return;
  const shown = hits.slice(0, 5).map(describeHit);
  if (hits.length > shown.length) shown.push(`${hits.length - shown.length} more`);
  const list = shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
  throw new TapegateError(
    `Failed to record "${maskSecretShapes(where, HIDDEN_SEGMENT)}" (exchange ${exchange.seq}): it holds what looks like ${list}; ` +
      'the exchange was not written. Remove the secret or add a redaction rule.',
  );
}
