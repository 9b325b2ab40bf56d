/**
 * What S3 signs differently from every other service (SigV4 for S3, "Signature Calculations
 * for the Authorization Header"): the path goes into the canonical request as sent, not
 * escaped a second time, and `x-amz-content-sha256` is always sent and signed. Its value is
 * the hash of the payload, or a marker that the payload is not hashed (`UNSIGNED-PAYLOAD`,
 * `STREAMING-UNSIGNED-PAYLOAD-TRAILER` for aws-chunked bodies with a checksum trailer).
 */

/** Signing names that sign the S3 way: S3 itself, Object Lambda access points, Outposts. */
const S3_SIGNING_NAMES = new Set(['s3', 's3-object-lambda', 's3-outposts']);

export function signsLikeS3(service: string): boolean {
  return S3_SIGNING_NAMES.has(service);
}

/** Payload markers whose body carries nothing the new signature must vouch for. */
const UNSIGNED_MARKERS = new Set(['UNSIGNED-PAYLOAD', 'STREAMING-UNSIGNED-PAYLOAD-TRAILER']);

const SHA256_HEX = /^[0-9a-f]{64}$/;

export type S3PayloadHash =
  /** Sign with this value: the client's own, still true because the body is forwarded byte for byte. */
  { ok: true; value: string | undefined } | { ok: false; reason: string };

/**
 * The `x-amz-content-sha256` to sign an S3 request with. The client's hex hash is kept: the
 * body goes upstream exactly as it came, so the hash still holds, and hashing a 50 MB object
 * a second time would cost as much as the upload. The unsigned markers are kept too.
 * Undefined: the client sent none, the signer hashes the body. Signed aws-chunked bodies
 * (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD…`) chain each chunk's signature to the client's
 * signature, which is replaced: they cannot be forwarded re-signed.
 */
export function s3PayloadHash(clientValue: string | undefined): S3PayloadHash {
  if (clientValue === undefined) return { ok: true, value: undefined };
  if (SHA256_HEX.test(clientValue) || UNSIGNED_MARKERS.has(clientValue)) return { ok: true, value: clientValue };
  if (clientValue.startsWith('STREAMING-')) {
    return {
      ok: false,
      reason: `its body is sent in signed aws-chunked form (x-amz-content-sha256: ${clientValue}), whose chunk signatures belong to the client's signature; configure the client to send an unsigned or a hashed payload`,
    };
  }
  return { ok: false, reason: 'its x-amz-content-sha256 is neither a SHA-256 in hex nor a payload marker S3 knows' };
}
