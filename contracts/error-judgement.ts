/**
 * Which error contract an error response is checked against, and how much it matters that
 * the operation does not declare its type. The SDKs do not look errors up per operation:
 * botocore's `client.exceptions` and the JavaScript SDK v3's error registry hold every error
 * of the service, and both raise the modeled exception class for a type declared anywhere in
 * it. Models also under-declare (AWS answers ConflictException where the model lists none),
 * and every AWS front door sends authentication and throttling errors that no model lists.
 *
 *  - declared by the operation: its contract, no finding;
 *  - declared by another operation of the service: that contract, an `undeclared-error` info;
 *  - a common AWS error (contracts/common-errors.ts): nothing to check the body against, info;
 *  - anything else: `undeclared-error` warn. The SDKs still raise a generic service exception
 *    named after the type, so it fails no call, but a client waiting for a modeled exception
 *    will not get one, and it is what AWS itself would not send.
 */
import type { Finding } from '../core/findings.js';
import { isCommonErrorType } from './common-errors.js';
import type { ErrorTypeSource } from './error-type.js';
import type { ContractSet } from './load.js';
import type { ErrorContract, OperationContract, ServiceContract } from './types.js';

export type ErrorJudgement =
  | { kind: 'declared'; error: ErrorContract }
  | { kind: 'service'; error: ErrorContract; finding: Finding }
  | { kind: 'common'; finding: Finding }
  | { kind: 'unknown'; finding: Finding };

interface ServiceError {
  error: ErrorContract;
  /** Operation names that declare it, in model order. */
  declaredBy: string[];
}

export class ErrorJudge {
  private readonly byService = new Map<ServiceContract, Map<string, ServiceError>>();

  constructor(private readonly contracts: ContractSet) {}

  judge(contract: OperationContract, source: ErrorTypeSource): ErrorJudgement {
    const declared = contract.errors.find((error) => error.type === source.type);
    if (declared) return { kind: 'declared', error: declared };
    const finding = (severity: Finding['severity'], message: string): Finding => ({
      operation: contract.id,
      side: 'response',
      severity,
      code: 'undeclared-error',
      path: source.pointer,
      message,
    });
    const here = `error ${source.type} is not declared by ${contract.id}`;
    const elsewhere = this.serviceErrors(contract).get(source.type);
    if (elsewhere) {
      const others = elsewhere.declaredBy.length;
      return {
        kind: 'service',
        error: elsewhere.error,
        finding: finding(
          'info',
          `${here} but by ${others} other operation${others === 1 ? '' : 's'} of ${contract.service} (${elsewhere.declaredBy.slice(0, 3).join(', ')}${others > 3 ? ', …' : ''}); ` +
            'the SDKs look errors up service-wide and raise its modeled exception all the same',
        ),
      };
    }
    if (isCommonErrorType(source.type)) {
      return {
        kind: 'common',
        finding: finding('info', `${here}: one of the errors every AWS service may send (authentication, throttling, availability), which no model lists`),
      };
    }
    const list = contract.errors.map((error) => error.type).join(', ') || 'none';
    return {
      kind: 'unknown',
      finding: finding(
        'warn',
        `${here} (declared: ${list}) nor by any other operation of ${contract.service}; the SDKs raise a generic service exception named ${source.type}, not a modeled one`,
      ),
    };
  }

  /** Every error the operation's service declares, by type, indexed on first use. */
  private serviceErrors(contract: OperationContract): Map<string, ServiceError> {
    const service = this.contracts.serviceOf.get(contract.id);
    if (!service) return new Map();
    let index = this.byService.get(service);
    if (!index) {
      index = new Map();
      for (const operation of Object.values(service.operations)) {
        for (const error of operation.errors) {
          const known = index.get(error.type);
          if (known) known.declaredBy.push(operation.name);
          else index.set(error.type, { error, declaredBy: [operation.name] });
        }
      }
      this.byService.set(service, index);
    }
    return index;
  }
}
