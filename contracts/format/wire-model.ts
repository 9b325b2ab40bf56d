/**
 * The wire model of a query or rest-xml contract: the botocore-shaped `ServiceModel` the wire
 * codecs (contracts/wire) read, put together from the compact file's `wireShapes`, its
 * `wireOperations` (input and output references with their traits) and each operation's HTTP
 * binding. Shapes are the parsed file's, not copies: the codecs only read them.
 *
 * A laid-out file's `wireShapes` is parsed an entry at a time (lazy-tables.ts), and an exchange
 * reaches a few dozen of them: the codecs look shapes up one at a time (wire/model-shapes.ts).
 * `shapes` itself is an accessor that makes the whole record, a plain object (structuredClone
 * copies contracts, and cannot copy the file's Proxy), when something reads it whole.
 */
import { setOwn } from '../../core/own.js';
import type { Operation, ServiceModel, Shape } from '../wire/model.js';
import { lookUpShapesOneAtATime } from '../wire/model-shapes.js';
import type { CompactContract } from './compact-types.js';
import { namesMentioning } from './lazy-tables.js';

const ERROR_KEYS = ['"exception":', '"error":'];

export function wireModelOf(compact: CompactContract): ServiceModel | undefined {
  const table = compact.wireShapes;
  if (table === undefined) return undefined;
  const operations: Record<string, Operation> = {};
  for (const [name, operation] of Object.entries(compact.operations)) {
    const refs = compact.wireOperations !== undefined && Object.hasOwn(compact.wireOperations, name) ? compact.wireOperations[name]! : {};
    setOwn(operations, name, {
      name,
      http: { method: operation.http.method, requestUri: operation.http.uri, responseCode: operation.http.successStatus },
      ...(refs.input ? { input: refs.input } : {}),
      ...(refs.output ? { output: refs.output } : {}),
      ...(operation.errors ? { errors: operation.errors.map((shape) => ({ shape })) } : {}),
      ...(operation.deprecated ? { deprecated: true } : {}),
    });
  }
  const model = {
    metadata: {
      apiVersion: compact.apiVersion,
      protocol: compact.protocol,
      endpointPrefix: compact.endpointPrefix,
      serviceId: compact.serviceId,
      ...(compact.xmlNamespace !== undefined ? { xmlNamespace: compact.xmlNamespace } : {}),
    },
    operations,
  } as ServiceModel;
  const settle = (shapes: Record<string, Shape>): void => void Object.defineProperty(model, 'shapes', { value: shapes, enumerable: true, writable: true, configurable: true });
  Object.defineProperty(model, 'shapes', {
    enumerable: true,
    configurable: true,
    get() {
      const whole: Record<string, Shape> = {};
      for (const name of Object.keys(table)) setOwn(whole, name, table[name]!);
      settle(whole);
      return whole;
    },
    set: settle,
  });
  lookUpShapesOneAtATime(model, {
    shape: (name) => (Object.hasOwn(table, name) ? table[name] : undefined),
    // An error shape's line holds its `exception` or `error` key; the few lines that do are read, not the model.
    errorCandidates: () => namesMentioning(table, ERROR_KEYS) ?? Object.keys(table),
  });
  return model;
}
