/**
 * The ways an emulator may spell one NotFoundException that the SDKs read (botocore's
 * RestJSONParser, the JavaScript SDK v3's loadRestJsonErrorCode): the type in the header with
 * a `:` suffix or a `namespace#` prefix, only in the body's `__type`, `code` or `Code`, or in
 * the header of an answer without a body. Shared by the JavaScript SDK and the boto3 tests.
 */
import type { ScriptedAnswer } from './scripted-upstream.js';

const JSON_TYPE = { 'content-type': 'application/json' };
const message = 'Invalid Integration identifier specified';

const answer = (headers: Record<string, string>, body?: unknown): ScriptedAnswer => ({ status: 404, headers, body: body === undefined ? '' : JSON.stringify(body) });

export const NOT_FOUND_SPELLINGS: { name: string; answer: ScriptedAnswer }[] = [
  {
    name: 'error type in the header with a ":" suffix',
    answer: answer({ ...JSON_TYPE, 'x-amzn-errortype': 'NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/' }, { message }),
  },
  { name: 'error type in the header with a namespace', answer: answer({ ...JSON_TYPE, 'x-amzn-errortype': 'com.amazonaws.apigateway#NotFoundException' }, { message }) },
  {
    name: 'error type only in __type, with namespace and suffix',
    answer: answer(JSON_TYPE, { __type: 'com.amazonaws.apigateway#NotFoundException:http://internal.amazon.com/coral/', message }),
  },
  { name: 'error type only in code, with a namespace', answer: answer(JSON_TYPE, { code: 'aws.apigateway#NotFoundException', message }) },
  { name: 'error type in Code, message in Message', answer: answer(JSON_TYPE, { Code: 'NotFoundException', Message: message }) },
  { name: 'error type in the header only, no body', answer: answer({ 'x-amzn-errortype': 'NotFoundException' }) },
];
