/**
 * json 1.0 / 1.1 (DynamoDB, SQS, KMS, …): every call is `POST /` with the operation in
 * `X-Amz-Target: {targetPrefix}.{Operation}` and every member in the JSON body
 * (`application/x-amz-json-1.0|1.1`; timestamps epoch seconds, blobs base64). Errors name
 * their shape in `__type` (with or without a `namespace#` prefix); `awsQueryCompatible`
 * services (SQS) also send the query protocol's code as `x-amzn-query-error: Code;Sender`.
 */
import { amzTargetOf } from '../../core/aws-service.js';
import { ownValue } from '../../core/own.js';
import { queryCallOf, type QueryCallSource } from '../../core/query-call.js';
import type { ServiceSummary } from '../load.js';
import type { JsonSchema } from '../types.js';
import type { ModelBinding, WireProtocol } from './types.js';

export const json: WireProtocol = {
  name: 'json',
  bind: (metadata): ModelBinding => {
    const queryCompatible = metadata.awsQueryCompatible !== undefined;
    return {
      name: 'json',
      http: () => ({ method: 'POST', uri: '/', successStatus: 200 }),
      // The SDKs read the shape name from `__type`; a query-compatible `error.code` travels in its own header.
      errorType: (name) => name,
      errorHeaders: (_name, shape): Record<string, JsonSchema> => {
        if (!queryCompatible) return {};
        // `Code;Sender` or `Code;Receiver`. A model that leaves out the query code (botocore's SQS
        // model does; AWS sends `AWS.SimpleQueueService.NonExistentQueue`) fixes only the form.
        const code = shape?.error?.code;
        if (code === undefined) return { 'x-amzn-query-error': { type: 'string', pattern: '^[^;]+;(Sender|Receiver)$' } };
        const fault = (shape?.error?.senderFault ?? !shape?.fault) ? 'Sender' : 'Receiver';
        return { 'x-amzn-query-error': { type: 'string', pattern: `^${code.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')};${fault}$` } };
      },
      header: {
        targetPrefix: metadata.targetPrefix ?? '',
        jsonVersion: metadata.jsonVersion ?? '1.0',
        ...(queryCompatible ? { awsQueryCompatible: true } : {}),
      },
    };
  },
  router: (contracts, services) => {
    const byPrefix = new Map<string, ServiceSummary[]>();
    for (const service of services) {
      if (service.targetPrefix === undefined) continue;
      const list = byPrefix.get(service.targetPrefix);
      if (list === undefined) byPrefix.set(service.targetPrefix, [service]);
      else list.push(service);
    }
    const queryCompatible = services.filter((service) => service.awsQueryCompatible === true);
    return {
      route(request, named) {
        if (request.headers === undefined || request.method.toUpperCase() !== 'POST' || request.path !== '/') return null;
        const target = amzTargetOf(request.headers);
        const dot = target === null ? -1 : target.lastIndexOf('.');
        if (target === null) return routeQueryForm(request, named);
        if (dot <= 0) return null;
        const candidates = byPrefix.get(target.slice(0, dot));
        if (candidates === undefined) return null;
        const name = target.slice(dot + 1);
        for (const summary of candidates) {
          if (candidates.length > 1 && named !== null && summary.signingName !== named && summary.endpointPrefix !== named) continue;
          const operation = ownValue(contracts.service(summary.service)!.operations, name);
          if (operation !== undefined) return { operation: operation.id, labels: {} };
        }
        return null;
      },
    };

    /**
     * A query-compatible service (SQS) was a query service: SDKs released before it moved to
     * json (botocore < 1.31, the AWS CLI < 2.13) still send `Action=SendMessage&Version=…` as a
     * form, and AWS still answers them in XML. The call names its operation all the same, when
     * the request names the service (its SigV4 scope) or its Version is the service's.
     */
    function routeQueryForm(request: QueryCallSource, named: string | null) {
      if (queryCompatible.length === 0) return null;
      const call = queryCallOf(request);
      if (call === null) return null;
      for (const summary of queryCompatible) {
        const names = named !== null ? summary.signingName === named || summary.endpointPrefix === named : call.version === summary.apiVersion;
        if (!names) continue;
        const operation = ownValue(contracts.service(summary.service)!.operations, call.action);
        if (operation !== undefined) return { operation: operation.id, labels: {} };
      }
      return null;
    }
  },
};

/** A request to a json service that speaks the query protocol instead (see routeQueryForm): no `X-Amz-Target`, an `Action`. */
export function isQueryFormCall(request: QueryCallSource): boolean {
  return (request.headers === undefined || amzTargetOf(request.headers) === null) && queryCallOf(request) !== null;
}
