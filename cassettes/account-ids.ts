/**
 * AWS account ids and their stable placeholders (`--redact-account-ids`).
 *
 * A real id becomes `000000000001`, `000000000002`, … in order of first appearance: still
 * 12 digits, so the contracts' patterns hold, and the same id gets the same placeholder
 * everywhere in a cassette (request and response alike) as long as one `AccountIdMap`
 * lives as long as the recording.
 *
 * The map is never written anywhere (that would put the real ids on disk). A cassette
 * re-opened in `auto` mode starts a fresh map; because placeholders follow the order of
 * first appearance, re-running the same scenario assigns the same placeholders, so its
 * requests still match. Scenarios whose first sight of an id was in a *response* that
 * auto mode now replays (and so never sees in the clear) can shift the numbering when
 * several accounts are involved; with one account (the usual case) it is always
 * `000000000001`.
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

  /** The placeholder of `accountId`, assigning the next one on first sight. */
  placeholderFor(accountId: string): string {
    let placeholder = this.#placeholders.get(accountId);
    if (placeholder === undefined) {
      placeholder = accountPlaceholder(this.#placeholders.size + 1);
      this.#placeholders.set(accountId, placeholder);
    }
    return placeholder;
  }

  has(accountId: string): boolean {
    return this.#placeholders.has(accountId);
  }

  /** How many distinct ids have been seen. */
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
