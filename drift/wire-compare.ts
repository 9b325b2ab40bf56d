/**
 * Wire changes of one service pair, operation by operation: what the service says about the
 * wire (wire-service.ts), then the members, from the wire models of query and rest-xml
 * contracts (wire-xml.ts) or the member lists and JSON names of rest-json and json ones (wire-json.ts). Each
 * operation's result says which schema changes its wire changes explain, and which error codes
 * are one error shape under a new code, so compareOperation pairs them instead of reporting
 * one error removed and another added.
 */
import type { OperationContract, ServiceContract } from '../contracts/types.js';
import { ServiceShapes } from '../contracts/wire/service-shapes.js';
import { explainedKey, wireChange } from './wire-change.js';
import { JsonWireWalk } from './wire-json.js';
import type { SchemaSide } from './schema-side.js';
import { serviceWireChanges } from './wire-service.js';
import { XmlWireWalk, type PlacedWireChange } from './wire-xml.js';
import type { DriftChange } from './types.js';

export interface OperationWire {
  changes: DriftChange[];
  /** explainedKey()s of the schema changes these explain. */
  explained: Set<string>;
  /** Error code before → after, for one error shape both sides declare. */
  errorRenames: Map<string, string>;
}

export class WireComparison {
  private readonly xml: XmlWireWalk | undefined;
  private readonly json: JsonWireWalk | undefined;

  /** `sides`: the two contracts' diff definitions, as the schema comparison reads them (JSON bodies are walked through them). */
  constructor(
    private readonly a: ServiceContract,
    private readonly b: ServiceContract,
    sides: { before: SchemaSide; after: SchemaSide },
  ) {
    const protocol = a.protocol;
    if (protocol === b.protocol && (protocol === 'rest-json' || protocol === 'json')) this.json = new JsonWireWalk({ before: a.jsonNames, after: b.jsonNames }, sides);
    if (protocol === b.protocol && (protocol === 'query' || protocol === 'rest-xml') && a.wireModel !== undefined && b.wireModel !== undefined) {
      this.xml = new XmlWireWalk(
        new ServiceShapes(a.wireModel, `${a.service} ${a.apiVersion} (before)`),
        new ServiceShapes(b.wireModel, `${b.service} ${b.apiVersion} (after)`),
        protocol,
      );
    }
  }

  operation(before: OperationContract, after: OperationContract): OperationWire {
    const service = serviceWireChanges(this.a, this.b, after.name);
    const placed: PlacedWireChange[] = [...service.changes];
    let errorRenames = new Map<string, string>();
    if (!service.protocolChanged) {
      if (this.xml !== undefined) {
        const walked = this.xml.operation(after.name);
        placed.push(...walked.changes);
        errorRenames = walked.errorRenames;
      } else if (this.json !== undefined) {
        for (const raw of this.json.message(before.request, after.request)) placed.push({ raw, side: 'request' });
        for (const raw of this.json.message(before.response, after.response)) placed.push({ raw, side: 'response' });
        const errorsAfter = new Map(after.errors.map((error) => [error.type, error]));
        for (const error of before.errors) {
          const same = errorsAfter.get(error.type);
          if (same !== undefined) for (const raw of this.json.error(error, same)) placed.push({ raw, side: 'error', errorType: error.type });
        }
      }
    }
    const explained = new Set<string>();
    const changes = placed.map(({ raw, side, errorType }) => {
      for (const pointer of raw.explains ?? []) explained.add(explainedKey(side, errorType ?? '*', pointer));
      return wireChange(raw, { operation: after.id, side, ...(errorType === undefined ? {} : { errorType }) });
    });
    return { changes, explained, errorRenames };
  }
}
