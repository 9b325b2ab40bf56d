/**
 * The request line a route and a recorded answer are remembered by: `METHOD target`, and for
 * a request that names its operation in `X-Amz-Target` (the json protocol: every call is
 * `POST /`) that header too, after a space (a request target holds none), so `POST /` of
 * DynamoDB ListTables and of SQS ListQueues are two lines. A query-protocol call
 * (`POST /` with `Action=…&Version=…` in a form body) adds its Action and Version the same way.
 * The signing service is not in it (a recorded request has no `Authorization` to read it
 * from): the route cache adds it to its own key (proxy/steps/route.ts), and the matcher's
 * shortcut checks the routed operation.
 */
import type { Body } from '../../core/exchange.js';
import { queryCallOf } from '../../core/query-call.js';

export function requestLine(method: string, target: string, headers: Record<string, string>, body?: Body): string {
  const amzTarget = headers['x-amz-target'];
  if (amzTarget !== undefined) return method + ' ' + target + ' ' + amzTarget;
  if (body === undefined || body.kind !== 'bytes') return method + ' ' + target;
  const call = queryCallOf({ headers, body });
  return call === null ? method + ' ' + target : method + ' ' + target + ' Action=' + call.action + '&Version=' + (call.version ?? '');
}
