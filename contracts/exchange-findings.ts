/**
 * One exchange → its findings: the one way verify, drift and the proxy check an exchange
 * against the contracts. It takes a Validator built once on already-loaded contracts (schemas
 * compile on first use and are kept), so calling it per exchange costs one validation.
 *
 * A failure of the validator itself (a contract whose schema does not compile, a bug in
 * routing or validation) becomes a `validator-failure` finding instead of an exception: one
 * broken contract must not end a replay, a recording or a CI run with other exchanges to
 * check, and the finding is an error, so the run does not pass as clean either.
 */
import type { Exchange } from '../core/exchange.js';
import type { Finding } from '../core/findings.js';
import type { Validator } from './validator.js';

/** What is checked: a recorded exchange (its timing plays no part). */
export type ExchangeToCheck = Pick<Exchange, 'seq' | 'operation' | 'request' | 'response'>;

export interface ExchangeFindings {
  /** The recorded operation, else the one the contracts route the request to; null when none does. */
  operation: string | null;
  findings: Finding[];
}

export function exchangeFindings(validator: Validator, exchange: ExchangeToCheck): ExchangeFindings {
  const { request, response } = exchange;
  let operation = exchange.operation;
  try {
    // Routing again only for an exchange recorded without an operation (rare: an unknown call).
    operation ??= validator.router.route(request.method, request.path, request.query)?.operation ?? null;
    return { operation, findings: validator.validate({ request, response }, exchange.operation) };
  } catch (error) {
    return { operation, findings: [validatorFailure(operation, exchange.seq, error)] };
  }
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
