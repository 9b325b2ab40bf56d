/**
 * The floor of routing + validation for the XML protocols (query, rest-xml) in bench:contracts:
 * what any check of the same exchanges has to pay with the libraries tapegate reads and checks
 * them with, measured side by side with the whole check. Per exchange: saxes reads each XML body
 * with handlers that keep nothing (bench/saxes-floor.ts), and ajv's compiled checks run on the
 * request and answer values, decoded beforehand. Left out, so it is a lower bound: routing, the
 * form read, the tree, the decode by shape, error judgement and findings. The gap between this row
 * and the whole check is tapegate's own work; a target above this row is out of reach with saxes
 * and ajv, whatever tapegate does.
 */
import type { RecordedRequest, RecordedResponse } from '../core/exchange.js';
import { loadContracts } from '../contracts/load.js';
import { PartValidators, type PartCheck } from '../contracts/part-validators.js';
import { markStructures } from '../contracts/schema-keywords.js';
import { ContractRouter } from '../contracts/service-router.js';
import type { SchemaPair, ServiceContract } from '../contracts/types.js';
import { wireMessagesOf } from '../contracts/wire-messages.js';
import { saxesFloor } from './saxes-floor.js';

type Pair = { request: RecordedRequest; response: RecordedResponse };

interface Prepared {
  xml: string[];
  checks: [PartCheck, unknown][];
}

function xmlTexts(pair: Pair): string[] {
  return [pair.request.body, pair.response.body].flatMap((body) => {
    if (body.kind !== 'bytes') return [];
    const text = Buffer.from(body.bytes).toString('utf8');
    return text.startsWith('<') ? [text] : [];
  });
}

function prepare(workload: Pair[]): Prepared[] {
  const contracts = loadContracts();
  const router = new ContractRouter(contracts);
  // Compiled from the first check, as the whole check's parts are once hot.
  const parts = new PartValidators({ hotAfter: 0 });
  return workload.map((pair) => {
    const route = router.route(pair.request);
    const contract = route === null ? undefined : contracts.operations.get(route.operation);
    if (contract === undefined) throw new Error(`bench:contracts floor: ${pair.request.method} ${pair.request.path} routes to no operation`);
    const service = contracts.service(contract.service) as ServiceContract;
    const wire = wireMessagesOf(service);
    if (wire === null) throw new Error(`bench:contracts floor: ${contract.id} is not an XML-protocol operation`);
    const checks: [PartCheck, unknown][] = [];
    // The body schemas marked as the validator marks them (members no contract names are findings).
    const checkOf = (pairOfSchemas: SchemaPair | undefined, value: unknown) => {
      if (pairOfSchemas === undefined || value === undefined) return;
      markStructures(pairOfSchemas.validation);
      checks.push([parts.checkOf(service, pairOfSchemas.validation), value]);
    };
    checkOf(contract.request.body, wire.request(contract, pair.request).value);
    if (pair.response.status < 300) checkOf(contract.response.body, wire.response(contract, pair.response).value);
    return { xml: xmlTexts(pair), checks };
  });
}

/** Exchanges a second at the floor, over `seconds` of the workload repeated. */
export function xmlFloor(workload: Pair[], seconds: number): number {
  const prepared = prepare(workload);
  const once = (item: Prepared) => {
    for (const text of item.xml) saxesFloor(text);
    // Read off the check each time, as the validator does: it is ajv's compiled function once hot.
    for (const [check, value] of item.checks) check.validate(value);
  };
  for (let pass = 0; pass < 200; pass++) for (const item of prepared) once(item);
  let count = 0;
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    for (let i = 0; i < 1000; i++) once(prepared[i % prepared.length]!);
    count += 1000;
  }
  return count / seconds;
}
