/**
 * The HTTP binding of a rest-json or rest-xml operation, as its contract keeps it. botocore
 * defaults a missing `responseCode` to 200, but a model that declares none has not said what
 * the service answers: S3 answers PutBucketTagging and PutBucketPolicy with 204, and the SDKs
 * take any 2xx. `implicitStatus` keeps that apart from a declared 200, so a 204 there is noted
 * rather than called an error, while a 200 where the model says 201 stays one.
 */
import type { BotocoreOperation } from '../generator/botocore-model.js';

export function restHttp(operation: BotocoreOperation): { method: string; uri: string; successStatus: number; implicitStatus?: true } {
  const declared = operation.http.responseCode;
  return {
    method: operation.http.method.toUpperCase(),
    uri: operation.http.requestUri,
    successStatus: declared ?? 200,
    ...(declared === undefined ? { implicitStatus: true as const } : {}),
  };
}
