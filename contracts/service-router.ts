/**
 * A request → its operation, over a whole contract set, loading only the services the
 * request can belong to. The service comes first, from what the request carries (its SigV4
 * credential scope or an `amazonaws.com` Host); then each protocol names the operation its
 * own way (protocols/: the method and path for rest-json). With no service named, or one the
 * contracts do not cover, every service of the protocol is a candidate, as one router: two
 * services whose operations a path cannot tell apart are refused when that router is built.
 */
import { hostServiceOf, signingServiceOf } from '../core/aws-service.js';
import type { ContractSet, ServiceSummary } from './load.js';
import { Router, type RouteMatch } from './router.js';

export interface RouteRequest {
  method: string;
  /** Without the query string. */
  path: string;
  query?: Record<string, string[]>;
  headers?: Record<string, string>;
}

export class ContractRouter {
  /** A path router per set of candidate services, by their names joined. */
  private readonly restRouters = new Map<string, Router>();
  private readonly restServices: ServiceSummary[];

  constructor(private readonly contracts: ContractSet) {
    this.restServices = contracts.services.filter((service) => service.protocol === 'rest-json');
  }

  route(request: RouteRequest): RouteMatch | null {
    const candidates = this.candidates(request.headers);
    if (candidates.length === 0) return null;
    return this.restRouter(candidates).route(request.method, request.path, request.query);
  }

  /** The rest-json services a request can be for: those its service names, else all of them. */
  private candidates(headers: Record<string, string> | undefined): ServiceSummary[] {
    const named = headers === undefined ? null : (signingServiceOf(headers) ?? hostServiceOf(headers));
    if (named === null) return this.restServices;
    const matching = this.restServices.filter((service) => service.signingName === named || service.endpointPrefix === named);
    return matching.length > 0 ? matching : this.restServices;
  }

  private restRouter(services: ServiceSummary[]): Router {
    const key = services.map((service) => service.service).join('\u0000');
    let router = this.restRouters.get(key);
    if (router === undefined) {
      router = new Router(services.flatMap((service) => Object.values(this.contracts.service(service.service)!.operations)));
      this.restRouters.set(key, router);
    }
    return router;
  }
}
