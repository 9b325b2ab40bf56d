/**
 * rest-xml (S3): like rest-json, the operation is the method and the URI template with its
 * query literals (`?tagging`, `?uploads`, `?list-type=2`), members in the URI, the query
 * string, headers or an XML body (`locationName`, `flattened`, namespaces). For S3 the bucket
 * may sit in the Host (virtual-hosted) instead of the path; the path is made path-style
 * (contracts/wire/s3-address.ts) before routing, so `/{Bucket}/{Key+}` fits either way.
 * Operations sharing a method and URI are told apart by rest-xml-twins.ts. Bodies are checked
 * in the protocol-neutral form the wire codecs decode to.
 */
import { ownValue } from '../../core/own.js';
import { Router } from '../router.js';
import { restHttp } from './rest-http.js';
import type { ContractSet, ServiceSummary } from '../load.js';
import { virtualHostedAddress } from '../wire/s3-address.js';
import { TwinGroups } from './rest-xml-twins.js';
import type { ModelBinding, WireProtocol } from './types.js';

interface ServiceRouter {
  router: Router;
  twins: TwinGroups;
  s3: boolean;
}

export const restXml: WireProtocol = {
  name: 'rest-xml',
  bind: (metadata): ModelBinding => ({
    name: 'rest-xml',
    http: (operation) => restHttp(operation),
    errorType: (name, shape) => shape?.error?.code ?? name,
    errorHeaders: () => ({}),
    header: metadata.xmlNamespace !== undefined ? { xmlNamespace: metadata.xmlNamespace } : {},
    neutral: true,
  }),
  router: (contracts, services) => {
    const built = new Map<string, ServiceRouter | null>();
    const routerOf = (summary: ServiceSummary): ServiceRouter | null => {
      let entry = built.get(summary.service);
      if (entry === undefined) {
        entry = build(contracts, summary);
        built.set(summary.service, entry);
      }
      return entry;
    };
    return {
      route(request, named) {
        const host = request.headers === undefined ? undefined : ownValue(request.headers, 'host');
        // S3's `/{Bucket}` and `/{Bucket}/{Key+}` take almost any path: only a request that
        // names S3 (its SigV4 scope, an S3 endpoint Host, a bucket in the Host) is tried on it.
        // A recorded exchange keeps its operation, so verify and drift need no routing.
        // A request made path-style already (its bucket moved from the Host to the path) is not made so again;
        // one that was not (a cassette older than format 5, a request routed as it came) is, here, once.
        const pathStyled = request.addressing === 'virtual-hosted';
        const hosted = pathStyled || host === undefined ? null : virtualHostedAddress(host, request.path);
        const virtual = pathStyled || hosted !== null;
        const candidates = named === null ? (virtual ? services : []) : services.filter((service) => service.signingName === named || service.endpointPrefix === named);
        for (const summary of candidates) {
          const entry = routerOf(summary);
          if (entry === null) continue;
          const path = entry.s3 && hosted !== null ? hosted.path : request.path;
          const match = entry.router.route(request.method, path, request.query);
          if (match !== null) return { operation: entry.twins.pick(match.operation, request), labels: match.labels };
        }
        return null;
      },
    };
  },
};

function build(contracts: ContractSet, summary: ServiceSummary): ServiceRouter | null {
  const model = contracts.service(summary.service)?.wireModel;
  if (model === undefined) return null;
  const twins = new TwinGroups(summary.service, model);
  return { router: new Router(twins.representatives), twins, s3: summary.endpointPrefix === 's3' };
}
