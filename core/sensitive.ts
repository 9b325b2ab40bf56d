/**
 * The vocabulary of sensitive members, shared by the contracts (which know where secrets
 * travel), redaction (which replaces them before anything is stored) and the validator
 * (which does not judge a value that redaction put there).
 */

/**
 * One place an operation carries a secret, as a JSON Pointer into the request or the
 * response as recorded: `/body/certificatePrivateKey`, `/body` (a whole payload),
 * `/headers/x-amz-foo` (lower case), `/query/name`; a segment `*` stands for any array index
 * or map key. `type` is the botocore type of the member's shape, so a placeholder
 * keeps the form the wire expects (a blob stays base64).
 */
export interface SensitiveMember {
  pointer: string;
  type: string;
  /**
   * query requests: the form keys the member travels under, `.`-separated, `*` for any
   * segment (`Tags.member.*.Value`); a key below them belongs to the member too.
   */
  form?: string;
  /**
   * XML bodies (query answers, rest-xml): the element path from the root element,
   * `/`-separated, `*` for any one element name (an STS answer's secret key is
   * `*` `*` `Credentials` `SecretAccessKey`: the Response and Result elements, then the
   * members); the text of every element at or below it is the member's.
   */
  xml?: string;
}

/** The sensitive places of one operation: its request, its success response, its errors. */
export interface SensitiveParts {
  request: readonly SensitiveMember[];
  response: readonly SensitiveMember[];
  /** Union over the operation's declared errors (an error response rarely names one). */
  errors: readonly SensitiveMember[];
}

/** The sensitive places of an operation by id (`apigateway.CreateDomainName`), if it has any. */
export type SensitiveLookup = (operation: string) => SensitiveParts | undefined;

/** What a redacted string becomes. Chosen to read as a placeholder and to match no secret pattern. */
export const REDACTED = '<redacted>';

/** What a redacted JSON blob becomes: `REDACTED` in base64, so an SDK decoding it gets those bytes. */
export const REDACTED_BASE64 = Buffer.from(REDACTED, 'utf8').toString('base64');

/** True for a value redaction produced. */
export function isRedacted(value: unknown): boolean {
  return value === REDACTED || value === REDACTED_BASE64;
}
