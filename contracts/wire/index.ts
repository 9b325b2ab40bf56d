/**
 * The wire codecs of the query (STS, SNS, IAM) and rest-xml (S3) protocols: pure functions
 * between what travels on the wire and the protocol-neutral value that tapegate validates
 * against JSON Schemas generated from botocore shapes (member names as in the model).
 *
 * The neutral value: structures are objects keyed by member name (absent members absent),
 * lists arrays, maps objects; strings, numbers and booleans as JSON has them (non-finite
 * floats as "NaN", "Infinity", "-Infinity"); timestamps ISO 8601 in UTC (`2024-05-06T07:08:09Z`)
 * whatever their wire format; blobs their base64 text; a blob payload (an S3 object) stays out.
 * Decoders never throw on wire input: what does not fit is a `WireIssue` (code, JSON Pointer,
 * wire location, message). Encoders write canned answers (and requests) from neutral values;
 * a value that does not fit its shape is a caller's bug and throws a TapegateError.
 */
export type { Decoded, WireIssue, WireIssueCode } from './issues.js';
export type { ServiceModel, Shape, ShapeRef } from './model.js';
export { ServiceShapes } from './service-shapes.js';
export { decodeQueryRequest, type QueryRequest } from './query-request-decode.js';
export { encodeQueryRequest } from './query-request-encode.js';
export { CANNED_REQUEST_ID, decodeQueryResponse, encodeQueryResponse, type QueryResponse } from './query-response.js';
export { decodeQueryError, encodeQueryError } from './query-error.js';
export type { EncodedError, ErrorToSend, WireError } from './xml-errors.js';
export { decodeRestXmlRequest, encodeRestXmlRequest, type EncodedRestRequest, type RestXmlRequest } from './rest-xml-request.js';
export { decodeRestXmlResponse, encodeRestXmlResponse, type EncodedRestResponse, type RestXmlResponse } from './rest-xml-response.js';
export { decodeRestXmlError, encodeRestXmlError } from './rest-xml-error.js';
export { matchUriLabels } from './rest-http-members.js';
export { s3Address, type S3Address } from './s3-address.js';
export { MAX_XML_DEPTH, readXml } from './xml-read.js';
