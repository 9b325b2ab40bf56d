/**
 * Redaction: what is taken out of an exchange before anything reaches disk.
 *
 * - Headers that carry credentials or session state (`authorization`,
 *   `x-amz-security-token`, cookies, …) and every volatile header (signing material,
 *   SDK bookkeeping, `host`): the matcher ignores the volatile ones anyway, so keeping
 *   them would only add noise and risk.
 * - Query parameters of presigned-URL authentication (`X-Amz-Credential`,
 *   `X-Amz-Signature`, …), matched case-insensitively.
 * - Optionally, AWS account ids (see account-ids.ts).
 *
 * Secrets anywhere else (a key pasted into a description, a custom header) are not
 * rewritten: the secret scanner (secret-scan.ts) refuses such an exchange instead, so a
 * cassette never silently holds something key-shaped.
 *
 * Request redaction is deterministic given the same options and `AccountIdMap` state, and
 * `redactRequestForMatch` applies exactly the request half of `redactExchange`: in `auto`
 * mode an incoming request redacted with it has the same `keyOf` as the recorded one.
 */
import { TapegateError } from '../../core/errors.js';
import { AccountIdMap } from './account-ids.js';
import type { Exchange, RecordedRequest, RecordedResponse } from '../../core/exchange.js';
import { redactRequestAccountIds, redactResponseAccountIds } from './account-ids-redact.js';
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

/** Options checked once per call: the dropped header names and the map, if any. */
interface Plan {
  dropHeaders: ReadonlySet<string>;
  accountIds: AccountIdMap | null;
}

function planFor(options: RedactOptions, what: string): Plan {
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
  return { dropHeaders, accountIds };
}

// fromEntries defines own properties, so no name (not even `__proto__`) is lost.
function keptHeaders(headers: Record<string, string>, drop: ReadonlySet<string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !drop.has(name.toLowerCase())));
}

function keptQuery(query: Record<string, string[]>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(query)
      .filter(([name]) => !authQuerySet.has(name.toLowerCase()))
      .map(([name, values]) => [name, [...values]]),
  );
}

function redactRequest(request: RecordedRequest, plan: Plan): RecordedRequest {
  const dropped: RecordedRequest = {
    ...request,
    query: keptQuery(request.query),
    headers: keptHeaders(request.headers, plan.dropHeaders),
  };
  return plan.accountIds ? redactRequestAccountIds(dropped, plan.accountIds) : dropped;
}

function redactResponse(response: RecordedResponse, plan: Plan): RecordedResponse {
  const dropped: RecordedResponse = { ...response, headers: keptHeaders(response.headers, plan.dropHeaders) };
  return plan.accountIds ? redactResponseAccountIds(dropped, plan.accountIds) : dropped;
}

/**
 * The exchange as it may be written: a new object, the input untouched (bodies that need
 * no change are shared, not copied). With `redactAccountIds`, ids are numbered request
 * first, then response, and `options.accountIds` remembers them for later exchanges.
 * Redacting an already redacted exchange changes nothing (placeholders pass through).
 */
export function redactExchange(exchange: Exchange, options: RedactOptions = {}): Exchange {
  const plan = planFor(options, exchange.operation ?? `exchange ${exchange.seq}`);
  const request = redactRequest(exchange.request, plan);
  const response = redactResponse(exchange.response, plan);
  return { ...exchange, request, response, timing: { ...exchange.timing } };
}

/**
 * An incoming request redacted exactly as `redactExchange` redacts a recorded one, for
 * matching in `auto` mode. Pass the recorder's own `RedactOptions` (best: extra headers
 * are dropped too) or just its `AccountIdMap`; `null` means no account-id redaction.
 * New ids get their placeholders here, and keep them when the exchange is then recorded.
 */
export function redactRequestForMatch(
  request: RecordedRequest,
  mapOrOptions: AccountIdMap | RedactOptions | null,
): RecordedRequest {
  let options: RedactOptions;
  if (mapOrOptions === null) options = {};
  else if (mapOrOptions instanceof AccountIdMap) options = { redactAccountIds: true, accountIds: mapOrOptions };
  else options = mapOrOptions;
  return redactRequest(request, planFor(options, `${request.method} request`));
}
