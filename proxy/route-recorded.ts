/**
 * Exchanges recorded before their service had contracts (a Lambda call recorded when only API
 * Gateway was bundled: no operation, its SigV4 service kept beside it) are given the operation
 * the contracts route them to now, before replay indexes them: the live request routes, so its
 * key names the operation, and the recorded one must too or the cassette no longer replays.
 * Routed by the recorded service first, as live traffic is; an unsigned pass-through stays as it is.
 */
import { namedServiceOf } from '../core/aws-service.js';
import type { Exchange } from '../core/exchange.js';
import type { ContractRouter } from '../contracts/service-router.js';

export function routeRecorded(exchanges: readonly Exchange[], router: ContractRouter): Exchange[] {
  return exchanges.map((exchange) => {
    if (exchange.operation !== null || exchange.unsigned === true) return exchange;
    const named = exchange.service ?? namedServiceOf(exchange.request.headers);
    const operation = router.route(exchange.request, named)?.operation;
    return operation === undefined ? exchange : { ...exchange, operation };
  });
}
