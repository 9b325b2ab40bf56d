/**
 * rest-json (API Gateway, Lambda): the operation is the method and the URI template; members
 * travel in the URI, the query string, headers or the JSON body, as their `location` says.
 */
import { Router } from '../router.js';
import type { ServiceSummary } from '../load.js';
import type { WireProtocol } from './types.js';

export const restJson: WireProtocol = {
  name: 'rest-json',
  bind: () => ({
    name: 'rest-json',
    http: (operation) => ({ method: operation.http.method.toUpperCase(), uri: operation.http.requestUri, successStatus: operation.http.responseCode ?? 200 }),
    errorType: (name, shape) => shape?.error?.code ?? name,
    errorHeaders: () => ({}),
    header: {},
  }),
  router: (contracts, services) => {
    // One path router per set of candidate services (their names joined), built on first use.
    const routers = new Map<string, Router>();
    const routerOf = (candidates: ServiceSummary[]): Router => {
      const key = candidates.map((service) => service.service).join('\u0000');
      let router = routers.get(key);
      if (router === undefined) {
        router = new Router(candidates.flatMap((service) => contracts.routesOf(service.service)));
        routers.set(key, router);
      }
      return router;
    };
    return {
      route(request, named) {
        if (services.length === 0) return null;
        // The services the request names, else all of them (a request without a scope, or one for
        // a service the contracts lack: the path alone decides, as it always has).
        const matching = named === null ? [] : services.filter((service) => service.signingName === named || service.endpointPrefix === named);
        return routerOf(matching.length > 0 ? matching : services).route(request.method, request.path, request.query);
      },
    };
  },
};
