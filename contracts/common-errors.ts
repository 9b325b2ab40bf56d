/**
 * Error types any AWS service may answer although no operation of its model declares them:
 * the front door's authentication, signature, throttling and availability errors. An error
 * response carrying one is no deviation from the contract (it gets an `info`, never an error).
 *
 * Two sources, both public: the "Common Errors" page of the AWS API references ("errors
 * common to the API actions of all AWS services"), and the error codes the SDKs themselves
 * single out for retry (the JavaScript SDK v3's THROTTLING / CLOCK_SKEW / TRANSIENT error
 * codes, botocore's retry handlers), which exist because AWS sends them undeclared. Plus the
 * `…Exception` spellings rest-json front doors use for the same (`UnrecognizedClientException`,
 * `InvalidSignatureException`, `MissingAuthenticationTokenException`).
 */
const COMMON_ERROR_TYPES: ReadonlySet<string> = new Set([
  // AWS API references, "Common Errors".
  'AccessDeniedException',
  'ExpiredTokenException',
  'IncompleteSignature',
  'InternalFailure',
  'InvalidAction',
  'InvalidClientTokenId',
  'InvalidParameterCombination',
  'InvalidParameterValue',
  'InvalidQueryParameter',
  'MalformedHttpRequestException',
  'MalformedQueryString',
  'MissingAction',
  'MissingAuthenticationToken',
  'MissingParameter',
  'NotAuthorized',
  'OptInRequired',
  'RequestAbortedException',
  'RequestEntityTooLargeException',
  'RequestExpired',
  'RequestTimeoutException',
  'ServiceUnavailable',
  'ThrottlingException',
  'UnknownOperationException',
  'ValidationError',
  // rest-json front doors (signature and credential checks happen before the operation).
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'ExpiredToken',
  'InternalServerError',
  'ServiceUnavailableException',
  // The SDKs' retry classification (throttling, clock skew, transient).
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'TooManyRequestsException',
  'AuthFailure',
  'RequestInTheFuture',
  'RequestTimeTooSkewed',
  'SignatureDoesNotMatch',
  'RequestTimeout',
]);

export function isCommonErrorType(type: string): boolean {
  return COMMON_ERROR_TYPES.has(type);
}
