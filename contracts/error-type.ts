/**
 * The error type of an AWS rest-json error response, read the way the SDKs read it, so that
 * every spelling they accept is accepted here and nothing they would miss is taken:
 *  - botocore's RestJSONParser: the `X-Amzn-ErrorType` header, else the body's `code`, else
 *    `Code`, else `__type`; cut at the first `:` and after the last `#`;
 *  - the AWS SDK for JavaScript v3 (`loadRestJsonErrorCode`): the header, else the body's
 *    `code` in any letter case, else `__type`; cut at `:` and `#` the same way.
 * A header that is present decides, even when empty: both SDKs stop there and look no further.
 */

/** `aws.protocoltests#FooError:http://internal.amazon.com/...` → `FooError`. */
export function normaliseErrorType(raw: string): string {
  let type = raw;
  const colon = type.indexOf(':');
  if (colon >= 0) type = type.slice(0, colon);
  const hash = type.lastIndexOf('#');
  if (hash >= 0) type = type.slice(hash + 1);
  return type.trim();
}

export interface ErrorTypeSource {
  /** Normalised; empty when the carrier was there but said nothing (an empty header). */
  type: string;
  /** Where it was found, as a JSON Pointer into the response. */
  pointer: string;
}

/** Body members that carry the type, in the order the SDKs look (`__type` last). */
export const BODY_TYPE_MEMBERS = ['code', 'Code', '__type'] as const;

export function errorTypeOf(headers: Record<string, string>, body: unknown): ErrorTypeSource | null {
  const header = headers['x-amzn-errortype'];
  if (header !== undefined) return { type: normaliseErrorType(header), pointer: '/headers/x-amzn-errortype' };
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    for (const key of BODY_TYPE_MEMBERS) {
      const value = record[key];
      if (typeof value === 'string' && value) return { type: normaliseErrorType(value), pointer: `/body/${key}` };
    }
  }
  return null;
}
