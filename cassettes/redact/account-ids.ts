/**
 * AWS account ids and their stable placeholders (`--redact-account-ids`).
 *
 * A real id becomes `000000000001`, `000000000002`, … in order of first appearance: still
 * 12 digits, so the contracts' patterns hold, and the same id gets the same placeholder
 * everywhere in a cassette (request and response alike) as long as one `AccountIdMap`
 * lives as long as the recording.
 *
 * Placeholders pass through unchanged: an id of six leading zeros (`000000xxxxxx`) is
 * taken to be one already. A client replaying a cassette echoes the ids it was served, so
 * its next request must keep them; and redacting twice changes nothing. (A real account
 * id below one million would be kept as it is; AWS assigns ids at random over 12 digits,
 * so that is one account in a million, and LocalStack's `000000000000` is no real one.)
 *
 * The map is never written anywhere (that would put the real ids on disk). A cassette
 * re-opened in `auto` mode starts a fresh map; because placeholders follow the order of
 * first appearance, re-running the same scenario assigns the same placeholders, so its
 * requests still match. The limit: auto mode sees only requests of replayed exchanges
 * in the clear, so when several accounts are involved and one was first seen in a
 * *response*, the numbering of ids the client brings itself (from its own configuration)
 * can shift. With one account (the usual case) it is always `000000000001`.
 *
 * Where an id is recognised (and nowhere else: a 12-digit epoch or size is left alone):
 * - in the account field of an ARN, in any partition (`arn:aws:`, `arn:aws-cn:`,
 *   `arn:aws-us-gov:`, …), with `:` written plain or percent-encoded (`%3A`);
 * - in API Gateway's SQS integration URIs (`…:sqs:path/123456789012/queue`) and SQS
 *   queue URLs (`https://sqs.us-east-1.amazonaws.com/123456789012/queue`);
 * - as the whole value of a field, header or query parameter whose name says it holds an
 *   account (`accountId`, `AccountId`, `ownerId`, `account_id`, `SourceAccount`,
 *   `x-amz-expected-bucket-owner`, `principal`, …), when that value is a string of exactly
 *   12 digits. A JSON *number* under such a name is left alone (AWS sends ids as strings,
 *   and a placeholder number would lose its leading zeros).
 */
import { TapegateError } from '../../core/errors.js';

const SEP = '(?::|%3[aA])';
const SLASH = '(?:/|%2[fF])';
/** Not followed by more of an identifier: `123456789012` but not `1234567890123`. */
const END = '(?![0-9A-Za-z_])';

/** Each pattern matches only the 12 digits; what makes them an account id is looked behind. */
const ACCOUNT_ID_PATTERNS: readonly RegExp[] = [
  // arn:partition:service:region:ACCOUNT:resource (region empty for global services).
  new RegExp(`(?<=arn${SEP}aws[a-z-]*${SEP}[a-z0-9-]*${SEP}[a-z0-9-]*${SEP})\\d{12}${END}`, 'g'),
  // arn:aws:apigateway:us-east-1:sqs:path/ACCOUNT/queue (an API Gateway SQS integration).
  new RegExp(`(?<=${SEP}sqs${SEP}path${SLASH})\\d{12}(?=${SLASH})`, 'g'),
  // https://sqs.us-east-1.amazonaws.com/ACCOUNT/queue and the legacy queue.amazonaws.com.
  new RegExp(`(?<=(?:sqs|queue)(?:\\.[a-z0-9-]+)*\\.amazonaws\\.com(?:\\.cn)?${SLASH})\\d{12}(?=${SLASH})`, 'g'),
];

const EXACT_ACCOUNT_ID = /^\d{12}$/;
/** Ids this scheme hands out (and so passes through): six zeros, then the number. */
const PLACEHOLDER = /^0{6}\d{6}$/;
const MAX_PLACEHOLDERS = 999_999;

/** True when `accountId` is a placeholder (or could be one): it is kept as it is. */
export function isAccountPlaceholder(accountId: string): boolean {
  return PLACEHOLDER.test(accountId);
}

/** Names (letters only, lower-cased) that hold an account id: `…account`, `…ownerId`, … */
const ACCOUNT_NAME = /(?:account|owner)(?:ids?|numbers?)?$|^principal$/;

/** True when a field, header or query parameter named `name` holds an account id. */
export function isAccountFieldName(name: string): boolean {
  return ACCOUNT_NAME.test(name.toLowerCase().replace(/[^a-z]/g, ''));
}

/** The n-th placeholder (from 1): `000000000001`. */
export function accountPlaceholder(n: number): string {
  return String(n).padStart(12, '0');
}

/** Real account id → placeholder, for the life of one cassette's recording. */
export class AccountIdMap {
  readonly #placeholders = new Map<string, string>();

  /** The placeholder of `accountId`, assigning the next one on first sight; placeholders map to themselves. */
  placeholderFor(accountId: string): string {
    if (isAccountPlaceholder(accountId)) return accountId;
    let placeholder = this.#placeholders.get(accountId);
    if (placeholder === undefined) {
      if (this.#placeholders.size >= MAX_PLACEHOLDERS) {
        throw new TapegateError(`Failed to redact account id: one cassette can hold at most ${MAX_PLACEHOLDERS} distinct accounts`);
      }
      placeholder = accountPlaceholder(this.#placeholders.size + 1);
      this.#placeholders.set(accountId, placeholder);
    }
    return placeholder;
  }

  has(accountId: string): boolean {
    return this.#placeholders.has(accountId);
  }

  /** How many distinct real ids have been given a placeholder. */
  get size(): number {
    return this.#placeholders.size;
  }

  /** Replaces every account id that `text` holds in a recognised place (see the file comment). */
  redactText(text: string): string {
    // Cheap exits first: this runs on every string of every body.
    if (text.length < 12 || !/\d{12}/.test(text)) return text;
    const found: { index: number; id: string }[] = [];
    for (const pattern of ACCOUNT_ID_PATTERNS) {
      for (const match of text.matchAll(pattern)) found.push({ index: match.index, id: match[0] });
    }
    if (found.length === 0) return text;
    // Assign in order of position, so numbering follows the text whichever pattern matched.
    found.sort((a, b) => a.index - b.index);
    let out = '';
    let at = 0;
    for (const { index, id } of found) {
      if (index < at) continue;
      out += text.slice(at, index) + this.placeholderFor(id);
      at = index + id.length;
    }
    return out + text.slice(at);
  }

  /** A string value named `name`: a whole account id under an account-ish name, else `redactText`. */
  redactNamedValue(name: string | undefined, value: string): string {
    if (name !== undefined && EXACT_ACCOUNT_ID.test(value) && isAccountFieldName(name)) return this.placeholderFor(value);
    return this.redactText(value);
  }
}
