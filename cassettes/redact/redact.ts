/**
 * Redaction: what is taken out of an exchange before anything reaches disk.
 *
 * - Headers that carry credentials or session state (`authorization`,
 *   `x-amz-security-token`, cookies, …) and every volatile header (signing material,
 *   SDK bookkeeping, `host`): the matcher ignores the volatile ones anyway, so keeping
 *   them would only add noise and risk.
 * - Query parameters of presigned-URL authentication (`X-Amz-Credential`,
 *   `X-Amz-Signature`, …), matched case-insensitively.
 * - Other headers and query parameters named as credentials (`X-Api-Key`,
 *   `X-Authorization`, `access_token`, SigV2 `Signature`, …; credential-names.ts) keep
 *   their name and get the placeholder `<redacted>` as their value.
 * - Credentials named by protocol inside text (a presigned URL in a header or a JSON
 *   string, a canonical request echoed in an error body; credential-pairs.ts).
 * - The members the operation's contract lists as sensitive (sensitive-redact.ts).
 * - Optionally, AWS account ids (see account-ids.ts).
 *
 * Secrets anywhere else (a key pasted into a description, a token in a custom header) are
 * not rewritten: the secret scanner (secret-scan.ts) refuses such an exchange instead, so
 * a cassette never silently holds something secret-shaped.
 *
 * Request redaction is deterministic given the same options and `AccountIdMap` state, and
 * `redactRequestForMatch` applies exactly the request half of `redactExchange`: an incoming
 * request redacted with it has the same `keyOf` as the recorded one, whatever secret values
 * it carries (replay and `auto` match on the redacted form).
 */
import { TapegateError } from '../../core/errors.js';
import { AccountIdMap } from './account-ids.js';
import type { Exchange, RecordedRequest, RecordedResponse } from '../../core/exchange.js';
import { REDACTED, type SensitiveLookup, type SensitiveParts } from '../../core/sensitive.js';
import { redactRequestAccountIds, redactResponseAccountIds } from './account-ids-redact.js';
import { isCredentialHeader, isCredentialQueryName } from './credential-names.js';
import { redactBodyPairs, redactCredentialPairs } from './credential-pairs.js';
import { redactSensitiveRequest, redactSensitiveResponse } from './sensitive-redact.js';
import { VOLATILE_HEADERS } from '../match/volatile.js';

export interface RedactOptions {
  /** Replace AWS account ids with stable placeholders (`--redact-account-ids`). */
  redactAccountIds?: boolean;
  /**
   * The placeholders assigned so far; required with `redactAccountIds`. The recorder owns
   * one per cassette for the whole recording and passes the same object on every call.
   */
  accountIds?: AccountIdMap;
  /** More header names (any case) to drop from requests and responses. */
  extraHeaders?: readonly string[];
  /** Where each operation carries secrets, from its contract (contracts/sensitive.ts `sensitiveLookup`). */
  sensitive?: SensitiveLookup;
}

/** Headers never kept, besides `VOLATILE_HEADERS`. Lower-case. */
export const CREDENTIAL_HEADERS: readonly string[] = Object.freeze([
  'authorization',
  'proxy-authorization',
  'x-amz-security-token',
  'cookie',
  'set-cookie',
  // API Gateway moves an integration's own Authorization header here in responses.
  'x-amzn-remapped-authorization',
]);

/** Presigned-URL authentication parameters, lower-case (compared case-insensitively). */
export const AUTH_QUERY_PARAMETERS: readonly string[] = Object.freeze([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-signedheaders',
]);

const authQuerySet: ReadonlySet<string> = new Set(AUTH_QUERY_PARAMETERS);

/** Options checked once per options object: the dropped header names, the map, the contracts' secrets. */
interface Plan {
  dropHeaders: ReadonlySet<string>;
  accountIds: AccountIdMap | null;
  sensitive: SensitiveLookup | null;
}

const plans = new WeakMap<RedactOptions, Plan>();

function planFor(options: RedactOptions, what: string): Plan {
  let plan = plans.get(options);
  if (plan === undefined) {
    plan = makePlan(options, what);
    // A recorder passes the same options object on every call: the plan is made once.
    plans.set(options, plan);
  }
  return plan;
}

function makePlan(options: RedactOptions, what: string): Plan {
  const dropHeaders = new Set([...CREDENTIAL_HEADERS, ...VOLATILE_HEADERS]);
  for (const name of options.extraHeaders ?? []) dropHeaders.add(name.toLowerCase());
  let accountIds: AccountIdMap | null = null;
  if (options.redactAccountIds) {
    if (!(options.accountIds instanceof AccountIdMap)) {
      throw new TapegateError(
        `Failed to redact "${what}": redactAccountIds needs an AccountIdMap in options.accountIds ` +
          'that lives as long as the cassette, so that an id gets the same placeholder in every exchange',
      );
    }
    accountIds = options.accountIds;
  }
  return { dropHeaders, accountIds, sensitive: options.sensitive ?? null };
}

/** Sets an own member, even one named `__proto__` (plain assignment would set the prototype). */
function put<V>(record: Record<string, V>, name: string, value: V): void {
  if (name === '__proto__') Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}

function keptHeaders(headers: Record<string, string>, drop: ReadonlySet<string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name in headers) {
    // Stored names are lower-case already; others (a hand-made exchange) are tolerated.
    if (drop.has(name) || drop.has(name.toLowerCase())) continue;
    put(kept, name, isCredentialHeader(name) ? REDACTED : redactCredentialPairs(headers[name] as string));
  }
  return kept;
}

function keptQuery(query: Record<string, string[]>): Record<string, string[]> {
  const kept: Record<string, string[]> = {};
  for (const name in query) {
    if (authQuerySet.has(name.toLowerCase())) continue;
    const values = query[name] as string[];
    put(kept, name, isCredentialQueryName(name) ? values.map(() => REDACTED) : values.map(redactCredentialPairs));
  }
  return kept;
}

/** Where redaction is running, for messages: the operation, else the method and path. */
type Where = { operation: string | null; label: string };

function partsFor(plan: Plan, operation: string | null): SensitiveParts | undefined {
  return plan.sensitive === null || operation === null ? undefined : plan.sensitive(operation);
}

/** `strict`: refuse (throw) when a sensitive body cannot be rewritten; matching is never strict. */
function redactRequest(request: RecordedRequest, plan: Plan, where: Where, strict: boolean): RecordedRequest {
  let redacted: RecordedRequest = {
    ...request,
    query: keptQuery(request.query),
    headers: keptHeaders(request.headers, plan.dropHeaders),
    body: redactBodyPairs(request.body),
  };
  const parts = partsFor(plan, where.operation);
  if (parts !== undefined) redacted = redactSensitiveRequest(redacted, parts, strict, where.label);
  return plan.accountIds ? redactRequestAccountIds(redacted, plan.accountIds) : redacted;
}

function redactResponse(response: RecordedResponse, plan: Plan, where: Where, strict: boolean): RecordedResponse {
  let redacted: RecordedResponse = { ...response, headers: keptHeaders(response.headers, plan.dropHeaders), body: redactBodyPairs(response.body) };
  const parts = partsFor(plan, where.operation);
  if (parts !== undefined) redacted = redactSensitiveResponse(redacted, parts, strict, where.label);
  return plan.accountIds ? redactResponseAccountIds(redacted, plan.accountIds) : redacted;
}

/**
 * The exchange as it may be written: a new object, the input untouched (bodies that need
 * no change are shared, not copied). With `redactAccountIds`, ids are numbered request
 * first, then response, and `options.accountIds` remembers them for later exchanges.
 * Redacting an already redacted exchange changes nothing (placeholders pass through).
 * `purpose` `store` (the default) throws when the contract says a body holds a secret that
 * cannot be rewritten, so the exchange is refused; `inspect` (passthrough, which writes
 * nothing) leaves such a body as it is.
 */
export function redactExchange(exchange: Exchange, options: RedactOptions = {}, purpose: 'store' | 'inspect' = 'store'): Exchange {
  const label = exchange.operation ?? `exchange ${exchange.seq}`;
  const plan = planFor(options, label);
  const where = { operation: exchange.operation, label };
  // Only what is stored must be refused; an exchange inspected and dropped (passthrough) is not.
  const strict = purpose === 'store';
  const request = redactRequest(exchange.request, plan, where, strict);
  const response = redactResponse(exchange.response, plan, where, strict);
  return { ...exchange, request, response, timing: { ...exchange.timing } };
}

const noOptions: RedactOptions = {};

/**
 * An incoming request redacted exactly as `redactExchange` redacts a recorded one, for
 * matching in replay and `auto` mode. Pass the recorder's own `RedactOptions` (best: extra
 * headers are dropped and the contracts' sensitive members replaced too) or just its
 * `AccountIdMap`; `null` means no account-id redaction. `operation` is the routed operation,
 * whose contract says which members are sensitive. New ids get their placeholders here, and
 * keep them when the exchange is then recorded.
 */
export function redactRequestForMatch(request: RecordedRequest, mapOrOptions: AccountIdMap | RedactOptions | null, operation: string | null = null): RecordedRequest {
  let options: RedactOptions;
  if (mapOrOptions === null) options = noOptions;
  else if (mapOrOptions instanceof AccountIdMap) options = { redactAccountIds: true, accountIds: mapOrOptions };
  else options = mapOrOptions;
  const label = operation ?? `${request.method} request`;
  return redactRequest(request, planFor(options, label), { operation, label }, false);
}
