/**
 * query (STS, SNS, IAM): every call is `POST /` (or a GET) naming its operation in `Action`
 * and the API version in `Version`, members form-encoded (`Tags.member.1.Key=…`); answers are
 * XML (`<{Operation}Response><{Operation}Result>…`), errors `<ErrorResponse><Error><Code>`,
 * the code being the error shape's `error.code` (IAM's NoSuchEntityException is `NoSuchEntity`).
 * Bodies are checked in the protocol-neutral form the wire codecs (contracts/wire) decode to.
 */
import { queryCallOf } from '../../core/query-call.js';
import type { ServiceSummary } from '../load.js';
import type { ModelBinding, WireProtocol } from './types.js';

export const query: WireProtocol = {
  name: 'query',
  bind: (metadata): ModelBinding => ({
    name: 'query',
    // Action and Version say the operation; every one is a POST to the root.
    http: () => ({ method: 'POST', uri: '/', successStatus: 200 }),
    errorType: (name, shape) => shape?.error?.code ?? name,
    errorHeaders: () => ({}),
    header: metadata.xmlNamespace !== undefined ? { xmlNamespace: metadata.xmlNamespace } : {},
    neutral: true,
  }),
  router: (contracts, services) => {
    return {
      route(request, named) {
        if (services.length === 0 || request.path !== '/') return null;
        const call = queryCallOf(request);
        if (call === null) return null;
        // The service the request names decides; else its Version (two query services rarely
        // share one), else the first service that has the Action.
        let candidates: readonly ServiceSummary[] = services;
        if (named !== null) candidates = services.filter((service) => service.signingName === named || service.endpointPrefix === named);
        else if (call.version !== undefined) {
          const versioned = services.filter((service) => service.apiVersion === call.version);
          if (versioned.length > 0) candidates = versioned;
        }
        for (const summary of candidates) {
          // hasOwn: a lookup that expands no operation (format/expand.ts expands on first read).
          if (Object.hasOwn(contracts.service(summary.service)!.operations, call.action)) return { operation: `${summary.service}.${call.action}`, labels: {} };
        }
        return null;
      },
    };
  },
};
