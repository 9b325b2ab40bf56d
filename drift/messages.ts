/**
 * One plain sentence per change, saying what it means for a client. Kept apart from the
 * comparisons so the wording can be read (and fixed) in one place.
 */
import { parsePointer } from '../core/json-pointer.js';
import { enumDelta, type RawChange } from './keyword-rules.js';
import type { Direction, DriftSide } from './types.js';

/** `securityPolicy`, `endpointConfiguration.types[*]`, or `the request body` for a part root. */
export function memberName(pointer: string, side: DriftSide): string {
  const [part, ...rest] = parsePointer(pointer);
  if (rest.length === 0) return `the ${side === 'request' ? 'request' : side === 'error' ? 'error' : 'response'} ${part ?? 'message'}`;
  return `"${rest.map((segment, i) => (segment === '*' ? '[*]' : i === 0 ? segment : `.${segment}`)).join('')}"`;
}

function list(values: unknown[]): string {
  const shown = values.slice(0, 6).map((value) => JSON.stringify(value));
  return values.length > 6 ? `${shown.join(', ')} and ${values.length - 6} more` : shown.join(', ');
}

/** What a move of the accepted/sent set means, as the end of a sentence. */
export function consequence(side: DriftSide, direction: Direction): string {
  if (side === 'request') {
    return direction === 'added' ? 'requests that worked before still work' : 'requests AWS used to accept may now be refused';
  }
  return direction === 'removed' ? 'clients see fewer variants than before and lose nothing they could rely on' : 'clients that refuse what they do not know will fail on it';
}

function whose(side: DriftSide, errorType?: string): string {
  return side === 'request' ? 'request' : side === 'error' ? `${errorType ?? 'error'} response` : 'response';
}

export function schemaMessage(side: DriftSide, change: RawChange, errorType?: string): string {
  const name = memberName(change.pointer, side);
  const owner = whose(side, errorType);
  const then = consequence(side, change.direction);
  const { before, after } = change;
  switch (change.code) {
    case 'member-added':
      return side === 'request' ? `New optional request member ${name}: clients that do not send it are unaffected.` : `New ${owner} member ${name}: ${then}.`;
    case 'required-member-added':
      return side === 'request' ? `New required request member ${name}: requests without it will be refused.` : `New ${owner} member ${name}, always present: ${then}.`;
    case 'member-removed':
      return side === 'request'
        ? `Request member ${name} is gone: requests that send it may be refused.`
        : `${capital(owner)} member ${name} is gone: clients that read it will find nothing there.`;
    case 'member-required':
      return side === 'request'
        ? `Request member ${name} is now required: requests without it will be refused.`
        : `${capital(owner)} member ${name} is now always present: ${then}.`;
    case 'member-optional':
      return side === 'request'
        ? `Request member ${name} is now optional: clients may leave it out.`
        : `${capital(owner)} member ${name} may now be missing: clients that expect it will find nothing there.`;
    case 'enum-value-added':
      return side === 'request'
        ? `${capital(name)} now also accepts ${list(enumDelta(before, after))}: ${then}.`
        : `${capital(name)} in the ${owner} may now be ${list(enumDelta(before, after))}: clients that switch over the known values need a case for it.`;
    case 'enum-value-removed':
      return side === 'request'
        ? `${capital(name)} no longer accepts ${list(enumDelta(after, before))}: requests AWS used to accept are now refused.`
        : `${capital(name)} in the ${owner} is no longer ${list(enumDelta(after, before))}: ${then}.`;
    case 'enum-constraint-added':
      return `${capital(name)} in the ${owner} is now limited to ${list(Array.isArray(after) ? after : [])}: ${then}.`;
    case 'enum-constraint-removed':
      return `${capital(name)} in the ${owner} is no longer limited to a fixed list of values: ${then}.`;
    case 'pattern-changed':
    case 'format-changed':
    case 'const-changed': {
      const what = change.keyword ?? change.code.replace('-changed', '');
      if (before === null) return `${capital(name)} in the ${owner} must now satisfy ${what} ${JSON.stringify(after)}: ${then}.`;
      if (after === null) return `${capital(name)} in the ${owner} no longer has to satisfy ${what} ${JSON.stringify(before)}: ${then}.`;
      return `${capital(name)} in the ${owner} must now satisfy ${what} ${JSON.stringify(after)} instead of ${JSON.stringify(before)}: ${then}.`;
    }
    case 'limit-changed':
      return `${change.keyword ?? 'A limit'} of ${name} in the ${owner} changed from ${before === null ? 'none' : JSON.stringify(before)} to ${after === null ? 'none' : JSON.stringify(after)}: ${then}.`;
    case 'type-changed':
      return `${capital(name)} in the ${owner} changed type from ${JSON.stringify(before ?? 'any')} to ${JSON.stringify(after ?? 'any')}: ${then}.`;
    case 'schema-widened':
      return `${capital(name)} takes more than before in a way no single member shows (json-schema-diff): ${then}.`;
    case 'schema-narrowed':
      return `${capital(name)} takes less than before in a way no single member shows (json-schema-diff): ${then}.`;
    default:
      return `${capital(name)} changed: ${then}.`;
  }
}

export function capital(text: string): string {
  if (text.startsWith('"')) return text;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
