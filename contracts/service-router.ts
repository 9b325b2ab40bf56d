/**
 * A request → its operation, over a whole contract set, loading only the services the
 * request can belong to. The service it names (its SigV4 credential scope, else an
 * `amazonaws.com` Host) narrows the candidates; then each protocol names the operation its own
 * way (protocols/: the `X-Amz-Target` header for json, the method and path for rest-json).
 */
import { namedServiceOf } from '../core/aws-service.js';
import type { ContractSet } from './load.js';
import { PROTOCOLS } from './protocols/index.js';
import type { ProtocolRouter, RouteRequest } from './protocols/types.js';
import type { RouteMatch } from './router.js';

export type { RouteRequest };

export class ContractRouter {
  private readonly routers: ProtocolRouter[];

  constructor(contracts: ContractSet) {
    this.routers = PROTOCOLS.map((protocol) =>
      protocol.router(
        contracts,
        contracts.services.filter((service) => service.protocol === protocol.name),
      ),
    );
  }

  /**
   * `named`: the service the request names (core/aws-service.ts `namedServiceOf`), when the
   * caller has read it already (the proxy's route cache keys on it); read from the headers otherwise.
   */
  route(request: RouteRequest, named: string | null = request.headers === undefined ? null : namedServiceOf(request.headers)): RouteMatch | null {
    for (const router of this.routers) {
      const match = router.route(request, named);
      if (match !== null) return match;
    }
    return null;
  }
}
