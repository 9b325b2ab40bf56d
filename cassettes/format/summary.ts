/**
 * A cassette in a few numbers, for listings (`tapegate cassette ls`): how many exchanges,
 * which operations, when and by what it was written. Pure: the caller reads the cassette.
 */
import type { Cassette, ServiceUse } from './format.js';

export interface CassetteSummary {
  exchanges: number;
  /** Distinct `service.Operation` names, in the order they first appear. */
  operations: string[];
  /** Exchanges no operation matched (`operation: null`); not counted in `operations`. */
  unrouted: number;
  createdAt: string;
  toolVersion: string;
  formatVersion: number;
  services: ServiceUse[];
}

export function summarizeCassette(cassette: Cassette): CassetteSummary {
  const operations = new Set<string>();
  let unrouted = 0;
  for (const exchange of cassette.exchanges) {
    if (exchange.operation === null) unrouted++;
    else operations.add(exchange.operation);
  }
  const { header } = cassette;
  return {
    exchanges: cassette.exchanges.length,
    operations: [...operations],
    unrouted,
    createdAt: header.createdAt,
    toolVersion: header.toolVersion,
    formatVersion: header.formatVersion,
    services: header.services.map((use) => ({ ...use })),
  };
}
