/**
 * Pairs the exchanges of two recordings of one scenario: by matching key (keyOf, the
 * replay identity: equal keys are interchangeable requests), repeated keys in order; what
 * is left pairs by operation and order. What still has no partner was made by one
 * recording only.
 */
import type { Exchange } from '../core/exchange.js';
import { keyOf } from '../cassettes/match/key.js';

export interface ExchangePair {
  before: Exchange;
  after: Exchange;
  /** `key`: identical requests; `order`: the n-th call of the operation in each. */
  by: 'key' | 'order';
}

export interface Pairing {
  pairs: ExchangePair[];
  onlyBefore: Exchange[];
  onlyAfter: Exchange[];
}

function groupBy<T>(items: T[], keyOfItem: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOfItem(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** The replay key, with the recorded SigV4 service (part of an unrouted request's identity). */
const recordedKey = (exchange: Exchange): string => keyOf(exchange.operation, exchange.request, undefined, exchange.service ?? null);

export function pairExchanges(before: Exchange[], after: Exchange[]): Pairing {
  const pairs: ExchangePair[] = [];
  const byKey = groupBy(after, recordedKey);
  const unpairedBefore: Exchange[] = [];
  for (const exchange of before) {
    const partner = byKey.get(recordedKey(exchange))?.shift();
    if (partner) pairs.push({ before: exchange, after: partner, by: 'key' });
    else unpairedBefore.push(exchange);
  }
  const taken = new Set(pairs.map((pair) => pair.after));
  const operationOf = (exchange: Exchange) => exchange.operation ?? `${exchange.request.method} ${exchange.request.path}`;
  const leftAfter = groupBy(
    after.filter((exchange) => !taken.has(exchange)),
    operationOf,
  );
  const onlyBefore: Exchange[] = [];
  for (const exchange of unpairedBefore) {
    const partner = leftAfter.get(operationOf(exchange))?.shift();
    if (partner) pairs.push({ before: exchange, after: partner, by: 'order' });
    else onlyBefore.push(exchange);
  }
  const onlyAfter = [...leftAfter.values()].flat().sort((x, y) => x.seq - y.seq);
  pairs.sort((x, y) => x.before.seq - y.before.seq);
  return { pairs, onlyBefore, onlyAfter };
}
