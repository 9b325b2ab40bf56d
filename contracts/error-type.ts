/**
 * The error type of an AWS error response, as SDK clients read it: the `X-Amzn-ErrorType`
 * header first, then `__type` or `code` in the body. Anything after `:` and before `#` is
 * stripped (`aws.protocoltests#FooError:http://internal.amazon.com/...` → `FooError`).
 */
export function normaliseErrorType(raw: string): string {
  let type = raw;
  const colon = type.indexOf(':');
  if (colon >= 0) type = type.slice(0, colon);
  const hash = type.lastIndexOf('#');
  if (hash >= 0) type = type.slice(hash + 1);
  return type.trim();
}

export interface ErrorTypeSource {
  type: string;
  /** Where it was found, as a JSON Pointer into the response. */
  pointer: string;
}

export function errorTypeOf(headers: Record<string, string>, body: unknown): ErrorTypeSource | null {
  const header = headers['x-amzn-errortype'];
  if (header) return { type: normaliseErrorType(header), pointer: '/headers/x-amzn-errortype' };
  if (typeof body === 'object' && body !== null) {
    const record = body as Record<string, unknown>;
    for (const key of ['__type', 'code'] as const) {
      const value = record[key];
      if (typeof value === 'string' && value) return { type: normaliseErrorType(value), pointer: `/body/${key}` };
    }
  }
  return null;
}
