/**
 * The detail elements S3 puts in an `<Error>` beside Code, Message, RequestId and HostId. No
 * botocore S3 error shape declares them (most of its error shapes have no members at all), yet
 * both SDKs take such an answer: botocore copies every child of `<Error>` into the error dict
 * (its S3 region redirector reads `Error.Region` from there), the JavaScript SDK v3 passes
 * undeclared elements over. They belong to S3's error envelope, as RequestId does, and are no
 * unknown members of the error shape; a name an error shape does declare stays its member.
 *
 * Sources: AWS's Amazon S3 API Reference, "Error responses" (REST error responses: `Resource`
 * in the sample common to all of them) and the User Guide's "Further details" page (errors
 * carry "detail elements", BadDigest's two digests its example); the other names are the ones
 * real S3 answers carry, as published in client test suites, S3-compatible servers that copy
 * them and user reports (the error that sends each is named beside it).
 */
export const S3_ERROR_DETAILS: ReadonlySet<string> = new Set([
  // Documented: the bucket or object the error is about.
  'Resource',
  // NoSuchKey, NoSuchVersion, NoSuchUpload, InvalidPart.
  'Key',
  'VersionId',
  'UploadId',
  'PartNumber',
  'ETag',
  // NoSuchBucket, BucketAlreadyExists, BucketNotEmpty, InvalidBucketName, NoSuch…Configuration.
  'BucketName',
  // PermanentRedirect, TemporaryRedirect, AuthorizationHeaderMalformed, IllegalLocationConstraintException.
  'Bucket',
  'Endpoint',
  'Region',
  // PreconditionFailed.
  'Condition',
  // InvalidArgument.
  'ArgumentName',
  'ArgumentValue',
  // MethodNotAllowed.
  'Method',
  'ResourceType',
  // NotImplemented.
  'Header',
  // SignatureDoesNotMatch, InvalidAccessKeyId, AccessDenied (unsigned headers).
  'AWSAccessKeyId',
  'StringToSign',
  'StringToSignBytes',
  'SignatureProvided',
  'CanonicalRequest',
  'CanonicalRequestBytes',
  'HeadersNotSigned',
  // AccessDenied for an expired presigned URL, RequestTimeTooSkewed.
  'Expires',
  'X-Amz-Expires',
  'ServerTime',
  'RequestTime',
  'MaxAllowedSkewMilliseconds',
  // InvalidRange.
  'ActualObjectSize',
  'RangeRequested',
  // EntityTooLarge, EntityTooSmall, KeyTooLongError.
  'MaxSizeAllowed',
  'MinSizeAllowed',
  'ProposedSize',
  'Size',
  // IncompleteBody.
  'NumberBytesExpected',
  'NumberBytesProvided',
  // BadDigest, InvalidDigest, XAmzContentSHA256Mismatch.
  'ExpectedDigest',
  'CalculatedDigest',
  'Content-MD5',
  'ClientComputedContentSHA256',
  'S3ComputedContentSHA256',
]);
