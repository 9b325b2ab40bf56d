/**
 * One exchange → its findings: the one way verify, drift and the proxy check an exchange
 * against the contracts. It takes a Validator built once on already-loaded contracts (schemas
 * compile on first use and are kept), so calling it per exchange costs one validation.
 *
 * A failure of the validator itself (a contract whose schema does not compile, a bug in
 * routing or validation) becomes a `validator-failure` finding instead of an exception: one
 * broken contract must not end a replay, a recording or a CI run with other exchanges to
 * check, and the finding is an error, so the run does not pass as clean either.
 *
 * A caller that checks several exchanges of one recording keeps a LearnedApis
 * (contracts/learned-apis.ts), lets it learn from the exchanges (each one before it is
 * checked, or the whole cassette first) and passes it here: the rules that depend on another
 * exchange (the API's protocol type, an integration's subtype) then use what was recorded.
 */
import type { Exchange } from '../core/exchange.js';
import { serviceOfExchange } from '../core/aws-service.js';
import type { Finding } from '../core/findings.js';
import type { LearnedApis } from './learned-apis.js';
import { isQueryFormCall } from './protocols/json.js';
import type { Validator } from './validator.js';

/** What is checked: a recorded exchange (its timing plays no part). */
export type ExchangeToCheck = Pick<Exchange, 'seq' | 'operation' | 'service' | 'unsigned' | 'request' | 'response'>;

export interface ExchangeFindings {
  /** The recorded operation, else the one the contracts route the request to; null when none does. */
  operation: string | null;
  findings: Finding[];
  /**
   * Set when the exchange is of a service the contracts do not cover (see `coveredService`):
   * it was not checked, and its one finding is an `uncovered-service` info.
   */
  uncoveredService?: string;
}

/**
 * The service an exchange names when the contracts do not cover it, else null (covered, or
 * no service named: then an unrouted request is an `unknown-operation` error as before). A
 * named service decides even over routing: a Lambda `GET /tags/{arn}` is not API Gateway's.
 */
export function uncoveredServiceOf(validator: Validator, exchange: ExchangeToCheck): string | null {
  const service = serviceOfExchange(exchange);
  if (service === null) return null;
  const covered = validator.contracts.services.some((contract) => contract.signingName === service || contract.endpointPrefix === service || contract.targetPrefix === service);
  return covered ? null : service;
}

export function exchangeFindings(validator: Validator, exchange: ExchangeToCheck, learned?: LearnedApis): ExchangeFindings {
  const { request, response } = exchange;
  let operation = exchange.operation;
  try {
    // An emulator's own call, passed through unsigned: no AWS operation, nothing to check it against.
    if (exchange.unsigned === true && operation === null) return { operation, findings: [unsignedCallFinding()] };
    const uncovered = uncoveredServiceOf(validator, exchange);
    if (uncovered !== null) return { operation, findings: [uncoveredFinding(validator, operation, uncovered)], uncoveredService: uncovered };
    // Routing again only for an exchange recorded without an operation (rare: an unknown call).
    operation ??= validator.router.route(request)?.operation ?? null;
    const service = operation === null ? undefined : validator.contracts.serviceOf.get(operation);
    if (operation !== null && service?.protocol === 'json' && isQueryFormCall(request)) {
      // Contracts without the query form's wire names (generated without the overlay) cannot read it.
      const checked = service.wireModel !== undefined;
      const info = queryProtocolFinding(operation, checked);
      if (!checked) return { operation, findings: [info] };
      return { operation, findings: [info, ...validator.validate({ request, response }, exchange.operation, learned?.contextFor(exchange))] };
    }
    return { operation, findings: validator.validate({ request, response }, exchange.operation, learned?.contextFor(exchange)) };
  } catch (error) {
    return { operation, findings: [validatorFailure(operation, exchange.seq, error)] };
  }
}

function uncoveredFinding(validator: Validator, operation: string | null, service: string): Finding {
  const covered = [...new Set(validator.contracts.services.map((contract) => contract.signingName))].sort().join(', ');
  return {
    operation,
    side: 'request',
    severity: 'info',
    code: 'uncovered-service',
    path: '',
    message: `not covered: no contracts for service "${service}" (the contracts cover ${covered || 'no service'}); the exchange was not checked`,
  };
}

function queryProtocolFinding(operation: string, checked: boolean): Finding {
  const called = `${operation} was called in the query protocol (form body, XML answer), as SDKs released before the service moved to json send it`;
  return {
    operation,
    side: 'request',
    severity: 'info',
    code: 'query-protocol-call',
    path: '',
    message: checked
      ? `${called}; it was checked against the json contract read with the query wire names of the service's overlay (an SDK this old may lack what AWS added since)`
      : `${called}; the contracts carry no query wire names for the service, so the exchange was not checked`,
  };
}

function unsignedCallFinding(): Finding {
  return {
    operation: null,
    side: 'request',
    severity: 'info',
    code: 'unsigned-call',
    path: '',
    message: "not an AWS operation: an unsigned call passed to --upstream as it came (an emulator's own endpoint, such as a reset or health call); the exchange was not checked",
  };
}

function validatorFailure(operation: string | null, seq: number, error: unknown): Finding {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    operation,
    // The whole exchange went unchecked; the request is where checking starts.
    side: 'request',
    severity: 'error',
    code: 'validator-failure',
    path: '',
    message: `Failed to validate exchange #${seq}: ${reason}`,
  };
}
