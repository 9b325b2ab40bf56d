/**
 * Header and query-parameter names whose value is a credential, whatever it looks like:
 * `X-Api-Key` (API Gateway's own API-key header), `X-Authorization`, anything named like a
 * token, secret, password, API key, credential or signature; `access_token`, SigV2
 * `Signature` and `AWSAccessKeyId`, `password`, … in a query string. The value of such a
 * header or parameter is replaced by the placeholder before anything is stored: its name
 * says what it is, so no pattern has to recognise it.
 *
 * Pagination and idempotency tokens (`nextToken`, `clientToken`) are not credentials and
 * stay: a replayed page must still say which page it asked for.
 */

const CREDENTIAL_NAME = /token|secret|passw|pwd|api[-_]?key|credential|authoriz|signature|private[-_]?key|access[-_]?key|session[-_]?key|cookie/i;
const NOT_A_CREDENTIAL = /next.?token|page.?token|pagination|continuation|client.?token|idempotency/i;

/** Short query names that mean a credential only as a whole name (`?key=…`, Azure `?sig=…`). */
const EXACT_QUERY_NAMES: ReadonlySet<string> = new Set(['key', 'sig', 'code', 'auth', 'awsaccesskeyid', 'x-amz-credential']);

/** Header names repeat on every request: each is judged once (bounded, so odd clients cannot grow it forever). */
const headerVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED = 4096;

/** True when a header named `name` (any case) carries a credential. */
export function isCredentialHeader(name: string): boolean {
  let verdict = headerVerdicts.get(name);
  if (verdict === undefined) {
    verdict = CREDENTIAL_NAME.test(name) && !NOT_A_CREDENTIAL.test(name);
    if (headerVerdicts.size < MAX_REMEMBERED) headerVerdicts.set(name, verdict);
  }
  return verdict;
}

/** True when a query parameter named `name` (any case) carries a credential. */
export function isCredentialQueryName(name: string): boolean {
  return EXACT_QUERY_NAMES.has(name.toLowerCase()) || (CREDENTIAL_NAME.test(name) && !NOT_A_CREDENTIAL.test(name));
}
