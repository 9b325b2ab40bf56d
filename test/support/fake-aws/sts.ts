/** STS as the fake serves it (query protocol): GetCallerIdentity of the fake's one user. */
import { queryAnswer, type FakeAnswer, type FakeRequest } from './wire.js';

const NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function stsService(account: string) {
  return (request: FakeRequest, requestId: string): FakeAnswer | null => {
    const form = new URLSearchParams(request.method === 'POST' ? request.body.toString('utf8') : request.query.toString());
    if (form.get('Action') !== 'GetCallerIdentity') return null;
    return queryAnswer('GetCallerIdentity', NAMESPACE, { UserId: 'AIDAFAKEUSER0TAPEGATE', Account: account, Arn: `arn:aws:iam::${account}:user/tapegate-e2e` }, requestId);
  };
}
