/**
 * The request line a route and a recorded answer are remembered by: `METHOD target`, and for
 * a request that names its operation in `X-Amz-Target` (the json protocol: every call is
 * `POST /`) that header too, after a space (a request target holds none), so `POST /` of
 * DynamoDB ListTables and of SQS ListQueues are two lines. The signing service is not in it
 * (a recorded request has no `Authorization` to read it from): the route cache adds it to its
 * own key (proxy/steps/route.ts), and the matcher's shortcut checks the routed operation.
 */
export function requestLine(method: string, target: string, headers: Record<string, string>): string {
  const amzTarget = headers['x-amz-target'];
  return amzTarget === undefined ? method + ' ' + target : method + ' ' + target + ' ' + amzTarget;
}
