/**
 * The wire model of a query or rest-xml contract: the botocore-shaped `ServiceModel` the wire
 * codecs (contracts/wire) read, put together from the compact file's `wireShapes`, its
 * `wireOperations` (input and output references with their traits) and each operation's HTTP
 * binding. Shapes are shared with the parsed file, not copied: the codecs only read them.
 */
import { setOwn } from '../../core/own.js';
import type { Operation, ServiceModel } from '../wire/model.js';
import type { CompactContract } from './compact-types.js';

export function wireModelOf(compact: CompactContract): ServiceModel | undefined {
  if (compact.wireShapes === undefined) return undefined;
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
  return {
    metadata: {
      apiVersion: compact.apiVersion,
      protocol: compact.protocol,
      endpointPrefix: compact.endpointPrefix,
      serviceId: compact.serviceId,
      ...(compact.xmlNamespace !== undefined ? { xmlNamespace: compact.xmlNamespace } : {}),
    },
    operations,
    shapes: compact.wireShapes,
  };
}
