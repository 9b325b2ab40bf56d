/**
 * Recorded traffic against contracts: would these exchanges still be valid? Every exchange
 * goes through the Validator built on the given contracts (bundled overlays applied, as in
 * any validation). Findings become changes: what the recordings carry that the contracts do
 * not know (fields, enum values: AWS ahead of the model), operations the contracts lack, and
 * anything else that no longer fits.
 */
import type { Exchange } from '../core/exchange.js';
import { errorTypeOf } from '../contracts/error-type.js';
import type { Finding, FindingCode } from '../core/findings.js';
import { defaultOverlaysDir, indexContracts } from '../contracts/load.js';
import { loadOverlays } from '../contracts/overlays.js';
import type { OperationContract, ServiceContract } from '../contracts/types.js';
import { formatPointer, parsePointer } from '../core/json-pointer.js';
import { exchangeFindings } from '../contracts/exchange-findings.js';
import { LearnedApis } from '../contracts/learned-apis.js';
import { Validator } from '../contracts/validator.js';
import { fixedSeverity, severityFor } from './classify.js';
import { ChangeCollector } from './collect.js';
import { memberName } from './messages.js';
import { recordedValue } from './recorded-value.js';
import type { RecordedPlace, RecordedUnderOldName } from './recorded-place.js';
import { recordedPlace } from './recorded-wire-name.js';
import type { CassetteSource } from './sources.js';
import type { DriftChange, DriftOptions, DriftSeverity, DriftSide } from './types.js';

export interface CassetteCheck {
  changes: DriftChange[];
  /** Operations the recordings hold. */
  operations: string[];
  exchanges: number;
}

/**
 * Findings that say nothing about the contracts changing: traffic of a service without
 * contracts or in a protocol its contract does not describe (SQS query forms), an emulator's
 * own unsigned calls, nulls the SDKs read as absent, and a JSON body's Content-Type label (the
 * contracts do not state it).
 */
const NOT_DRIFT: ReadonlySet<FindingCode> = new Set(['uncovered-service', 'query-protocol-call', 'unsigned-call', 'null-member', 'content-type']);

/** `cassetteFirst`: the cassette is `--from`, so recorded values go in `before`. */
export function cassetteAgainstContracts(cassettes: CassetteSource[], services: ServiceContract[], options: DriftOptions & { cassetteFirst?: boolean } = {}): CassetteCheck {
  // Overlays edit validation schemas in place: work on copies, the caller's contracts stay as given.
  const copies = services.map((service) => structuredClone(service));
  const validator = new Validator(indexContracts(copies, loadOverlays(defaultOverlaysDir())));
  const collector = new ChangeCollector();
  const operations = new Set<string>();
  let count = 0;
  for (const cassette of cassettes) {
    // What the cassette recorded about its APIs (a v2 API's protocol type, say), wherever in it.
    const learned = new LearnedApis();
    for (const exchange of cassette.exchanges) learned.learn(exchange);
    for (const exchange of cassette.exchanges) {
      count += 1;
      const checked = exchangeFindings(validator, exchange, learned);
      const findings = checked.findings;
      const operation = checked.operation ?? `${exchange.request.method} ${exchange.request.path}`;
      operations.add(operation);
      const changes = findings.filter((finding) => !NOT_DRIFT.has(finding.code)).map((finding) => ({ finding, ...toChange(finding, exchange, operation, validator, options) }));
      // Where a renamed member is missing: its recorded place (the neutral value of XML and forms), and its place under the new JSON key.
      const renamedAt = new Set(
        changes.flatMap(({ finding, renamedTo }) => (renamedTo === undefined ? [] : [`${finding.side} ${finding.path}`, `${finding.side} ${withLast(finding.path, renamedTo)}`])),
      );
      for (const { finding, change } of changes) {
        // A required member recorded under its old wire name is missing under the new one: the rename is the fact.
        if (finding.code === 'missing-required' && renamedAt.has(`${finding.side} ${finding.path}`)) continue;
        collector.add(change, { cassette: cassette.name, seq: exchange.seq });
      }
    }
  }
  return { changes: collector.changes(), operations: [...operations].sort(), exchanges: count };
}

/** The pointer with its last segment replaced. */
function withLast(pointer: string, segment: string): string {
  const segments = parsePointer(pointer);
  return formatPointer([...segments.slice(0, -1), segment]);
}

/** `renamedTo`: the wire name the contracts give a member recorded under an old one. */
function toChange(
  finding: Finding,
  exchange: Exchange,
  operation: string,
  validator: Validator,
  options: DriftOptions & { cassetteFirst?: boolean },
): { change: DriftChange; renamedTo?: string } {
  const place = finding.code === 'unknown-field' ? placeOf(finding, exchange, operation, validator) : undefined;
  const change = changeOf(finding, exchange, operation, validator, options, place);
  return place?.renamed === undefined ? { change } : { change, renamedTo: place.renamed.wireName };
}

function sideOf(finding: Finding, exchange: Exchange, contract: OperationContract | undefined): { side: DriftSide; isError: boolean } {
  const isError = finding.side === 'response' && exchange.response.status >= 300 && exchange.response.status !== contract?.response.status;
  return { side: finding.side === 'request' ? 'request' : isError ? 'error' : 'response', isError };
}

function errorTypeOfExchange(exchange: Exchange): string | undefined {
  return errorTypeOf(exchange.response.headers, exchange.response.body.kind === 'json' ? exchange.response.body.value : undefined)?.type;
}

/** A query or rest-xml body is no JSON to find the value in: the wire model says where list items are; and any body may hold a member under its old name. */
function placeOf(finding: Finding, exchange: Exchange, operation: string, validator: Validator): RecordedPlace | undefined {
  const contract = validator.contracts.operations.get(operation);
  if (contract === undefined) return undefined;
  const { side, isError } = sideOf(finding, exchange, contract);
  return recordedPlace(validator.contracts.serviceOf.get(operation), contract, side, finding.path, isError ? errorTypeOfExchange(exchange) : undefined);
}

function changeOf(
  finding: Finding,
  exchange: Exchange,
  operation: string,
  validator: Validator,
  options: DriftOptions & { cassetteFirst?: boolean },
  place: RecordedPlace | undefined,
): DriftChange {
  const { side, isError } = sideOf(finding, exchange, validator.contracts.operations.get(operation));
  const found = recordedValue(exchange, side, finding.path);
  const recorded = found.value === undefined ? null : found.value;
  const errorType = isError ? errorTypeOfExchange(exchange) : undefined;
  const pointer = place?.pointer ?? found.pointer;
  const base = {
    operation,
    side,
    pointer,
    before: options.cassetteFirst === false ? null : recorded,
    after: options.cassetteFirst === false ? recorded : null,
  };
  const withError = (change: DriftChange): DriftChange => (errorType !== undefined ? { ...change, errorType } : change);

  if (finding.code === 'validator-failure') {
    return {
      ...base,
      pointer: '',
      severity: fixedSeverity('exchange-unchecked')!,
      code: 'exchange-unchecked',
      message: `tapegate could not check this recorded exchange against the contracts (${finding.message}): whether it still fits is unknown.`,
    };
  }
  if (finding.code === 'unknown-operation') {
    return {
      ...base,
      pointer: '',
      severity: fixedSeverity('operation-unknown')!,
      code: 'operation-unknown',
      message: `The contracts have no operation for ${exchange.operation ?? `${exchange.request.method} ${exchange.request.path}`}: clients that make this call are calling something the model does not have.`,
    };
  }
  const name = memberName(pointer, side);
  // An element, form key or JSON key recorded under the name the contracts' member no longer travels under.
  const renamed = place?.renamed;
  if (renamed !== undefined) {
    const recordedName = renamed.syntax === 'json' ? parsePointer(finding.path).at(-1)! : renamed.member;
    const recordedAs = spell(renamed.syntax, recordedName);
    const expected = spell(renamed.syntax, renamed.wireName);
    const consequence =
      side === 'request' ? 'a server that follows the contracts does not read it from clients that still send the old name' : 'clients built on the contracts will not find it';
    // A JSON key's value differs from list item to list item; the names are the fact, one per place, as between two models.
    const names = options.cassetteFirst === false ? { before: renamed.wireName, after: recordedName } : { before: recordedName, after: renamed.wireName };
    return withError({
      ...base,
      ...(renamed.syntax === 'json' ? names : {}),
      severity: fixedSeverity('wire-name-changed')!,
      code: 'wire-name-changed',
      message: `Recorded ${side === 'request' ? 'requests send' : 'responses carry'} member ${renamed.member} as ${recordedAs}, where the contracts put it as ${expected} (${finding.message}): the wire name changed; ${consequence}.`,
    });
  }
  if (side !== 'request' && finding.code === 'unknown-field') {
    return withError({
      ...base,
      severity: severityFor(side, 'added', options),
      code: 'field-unknown',
      // A query or rest-xml body: the codec's words name the element as recorded.
      message: `Recorded responses carry ${name}, which the contracts do not know (${place === undefined ? '' : `${finding.message}; `}AWS ahead of the model): clients that refuse unknown fields will fail on it.`,
    });
  }
  if (side !== 'request' && finding.code === 'invalid-enum') {
    return withError({
      ...base,
      severity: severityFor(side, 'added', options),
      code: 'enum-value-unknown',
      message: `Recorded responses carry ${name} = ${JSON.stringify(recorded)}, a value the contracts do not list (AWS ahead of the model): clients that switch over the known values need a case for it.`,
    });
  }
  const severity: DriftSeverity = finding.severity === 'error' ? 'breaking' : finding.severity;
  return withError({
    ...base,
    severity,
    code: 'exchange-invalid',
    message: `The recorded ${side === 'request' ? 'request' : 'response'} no longer fits the contracts (${finding.code}): ${finding.message.replace(/\.$/, '')}.`,
  });
}

/** A wire name as the syntax writes it. */
function spell(syntax: RecordedUnderOldName['syntax'], name: string): string {
  return syntax === 'xml' ? `<${name}>` : syntax === 'form' ? `form key part ${name}` : `JSON key "${name}"`;
}
