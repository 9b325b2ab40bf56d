/**
 * A scenario recorded twice, months apart: per operation, statuses and error types that
 * changed, fields added, gone or renamed, values of another type, enum-like values that
 * changed, and calls only one recording made. Folders of cassettes pair files by name.
 */
import type { Exchange } from '../core/exchange.js';
import { errorTypeOf } from '../contracts/error-type.js';
import { observedSeverity } from './classify.js';
import { ChangeCollector } from './collect.js';
import { diffValues, type ValueChange } from './json-value-diff.js';
import { memberName } from './messages.js';
import { pairExchanges } from './pair-exchanges.js';
import type { CassetteSource } from './sources.js';
import type { DriftChange, DriftCode, DriftOptions, DriftSide } from './types.js';

export interface CassettesComparison {
  changes: DriftChange[];
  operations: string[];
  /** Cassettes of a folder that the other folder lacks, by name. */
  unpaired: { side: 'from' | 'to'; name: string }[];
}

const operationOf = (exchange: Exchange): string => exchange.operation ?? `${exchange.request.method} ${exchange.request.path}`;

export function compareCassettes(from: CassetteSource[], to: CassetteSource[], options: DriftOptions = {}): CassettesComparison {
  const collector = new ChangeCollector();
  const operations = new Set<string>();
  const unpaired: CassettesComparison['unpaired'] = [];
  const single = from.length === 1 && to.length === 1;
  for (const before of from) {
    const after = single ? to[0] : to.find((candidate) => candidate.name === before.name);
    if (!after) {
      unpaired.push({ side: 'from', name: before.name });
      continue;
    }
    compareOne(before, after, collector, options);
    for (const exchange of [...before.exchanges, ...after.exchanges]) operations.add(operationOf(exchange));
  }
  if (!single) for (const after of to) if (!from.some((b) => b.name === after.name)) unpaired.push({ side: 'to', name: after.name });
  return { changes: collector.changes(), operations: [...operations].sort(), unpaired };
}

function compareOne(before: CassetteSource, after: CassetteSource, collector: ChangeCollector, options: DriftOptions): void {
  const { pairs, onlyBefore, onlyAfter } = pairExchanges(before.exchanges, after.exchanges);
  const add = (
    exchange: Exchange,
    cassette: CassetteSource,
    side: DriftSide,
    code: DriftCode,
    pointer: string,
    values: { before: unknown; after: unknown },
    message: string,
    errorType?: string,
  ): void => {
    const change: DriftChange = { operation: operationOf(exchange), side, pointer, ...values, severity: observedSeverity(side, code, options), code, message };
    if (errorType !== undefined) change.errorType = errorType;
    collector.add(change, { cassette: cassette.name, seq: exchange.seq });
  };

  for (const { before: a, after: b, by } of pairs) {
    const typeA = errorTypeOf(a.response.headers, bodyOf(a.response))?.type;
    const typeB = errorTypeOf(b.response.headers, bodyOf(b.response))?.type;
    if (a.response.status !== b.response.status) {
      add(
        a,
        before,
        'response',
        'status-changed',
        '/status',
        { before: a.response.status, after: b.response.status },
        `The same call now answers ${b.response.status}${typeB ? ` ${typeB}` : ''} instead of ${a.response.status}${typeA ? ` ${typeA}` : ''}: clients take another branch than before.`,
      );
      continue;
    }
    if (a.response.status >= 300 && typeA !== typeB) {
      add(
        a,
        before,
        'error',
        'error-type-changed',
        '/headers/x-amzn-errortype',
        { before: typeA ?? null, after: typeB ?? null },
        `The same call now fails with ${typeB ?? 'no error type'} instead of ${typeA ?? 'no error type'}: clients that handle the old error miss the new one.`,
        typeB ?? typeA,
      );
      continue;
    }
    const side: DriftSide = a.response.status >= 300 ? 'error' : 'response';
    for (const change of diffValues(bodyOf(a.response), bodyOf(b.response), '/body')) {
      add(a, before, side, change.code, change.pointer, change, valueMessage(change, side), side === 'error' ? typeA : undefined);
    }
    // Requests paired by key are the same request; paired by order they may differ (the client changed).
    if (by === 'order') {
      for (const change of diffValues(bodyOf(a.request), bodyOf(b.request), '/body')) {
        add(a, before, 'request', change.code, change.pointer, change, valueMessage(change, 'request'));
      }
    }
  }
  for (const exchange of onlyBefore) {
    add(
      exchange,
      before,
      'request',
      'exchange-gone',
      '',
      { before: call(exchange), after: null },
      `The second recording never makes the call ${call(exchange)} (seq ${exchange.seq}): the scenario or the client changed.`,
    );
  }
  for (const exchange of onlyAfter) {
    add(
      exchange,
      after,
      'request',
      'exchange-new',
      '',
      { before: null, after: call(exchange) },
      `The second recording makes a call the first did not: ${call(exchange)} (seq ${exchange.seq}).`,
    );
  }
}

function call(exchange: Exchange): string {
  return `${exchange.request.method} ${exchange.request.path}`;
}

function bodyOf(message: Exchange['request'] | Exchange['response']): unknown {
  return message.body.kind === 'json' ? message.body.value : undefined;
}

function valueMessage(change: ValueChange, side: DriftSide): string {
  const name = memberName(change.pointer, side);
  const what = side === 'request' ? 'The client now sends' : 'Recorded responses now carry';
  switch (change.code) {
    case 'field-added':
      return side === 'request' ? `${what} ${name}, which it did not before.` : `${what} ${name}, which they did not before: clients that refuse unknown fields will fail on it.`;
    case 'field-gone':
      return side === 'request' ? `The client no longer sends ${name}.` : `Recorded responses no longer carry ${name}: clients that read it will find nothing there.`;
    case 'field-renamed':
      return `${name} is now called ${JSON.stringify(change.after)}${side === 'request' ? ' in requests.' : ': clients that read the old name will find nothing there.'}`;
    case 'value-type-changed':
      return `${name} changed from ${String(change.before)} to ${String(change.after)}${side === 'request' ? ' in requests.' : ': clients that parse it as before will fail.'}`;
    case 'enum-like-value-changed':
      return `${name} changed from ${JSON.stringify(change.before)} to ${JSON.stringify(change.after)}${side === 'request' ? ' in requests.' : ': clients that switch over the value take another branch.'}`;
  }
}
