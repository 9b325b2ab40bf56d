/**
 * rest-json (API Gateway, Lambda): the operation is the method and the URI template; members
 * travel in the URI, the query string, headers or the JSON body, as their `location` says.
 */
import { Router } from '../router.js';
import { restHttp } from './rest-http.js';
import type { WireProtocol } from './types.js';

export const restJson: WireProtocol = {
  name: 'rest-json',
  bind: () => ({
    name: 'rest-json',
    http: (operation) => restHttp(operation),
    errorType: (name, shape) => shape?.error?.code ?? name,
    errorHeaders: () => ({}),
    header: {},
  }),
  router: (contracts, services) => {
    // One path router per named service (API Gateway v1 and v2 share the signing name
    // `apigateway`: one router over both), and one over every service for a request that names
    // none; each built on first use.
    const byName = new Map<string, Router>();
    let everyService: Router | undefined;
    const routerFor = (named: string): Router | null => {
      let router = byName.get(named);
      if (router === undefined) {
        const candidates = services.filter((service) => service.signingName === named || service.endpointPrefix === named);
        // Not remembered when no service has the name: requests choose the names, the map must not grow with them.
        if (candidates.length === 0) return null;
        router = new Router(candidates.flatMap((service) => contracts.routesOf(service.service)));
        byName.set(named, router);
      }
      return router;
    };
    return {
      route(request, named) {
        if (services.length === 0) return null;
        // A request that names its service (its SigV4 scope, or an AWS Host) is that service's
        // alone: Lambda's `GET /2017-03-31/tags/{ARN}` is never API Gateway's, and a request for
        // a service the contracts lack is no operation of theirs. One that names none (an
        // unsigned call, an old cassette) is routed by its path over all of them, the first
        // service (as the folder sorts) winning a path two share.
        const router =
          named === null
            ? (everyService ??= new Router(
                services.flatMap((service) => contracts.routesOf(service.service)),
                { twins: 'first' },
              ))
            : routerFor(named);
        return router === null ? null : router.route(request.method, request.path, request.query);
      },
    };
  },
};
