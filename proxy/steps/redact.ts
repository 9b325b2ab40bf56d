/**
 * Step 5, redact: the exchange as it may be written or shown. Credentials and extra headers
 * dropped, account ids replaced when asked, then the secret scanner: what still looks like
 * a secret keeps the whole exchange out of the cassette (a `SecretRefusal`; the client still
 * gets its answer). Recording runs this inside its arrival-order slot, so account ids are
 * numbered in the order requests were recorded.
 */
import { TapegateError } from '../../core/errors.js';
import type { Exchange } from '../../core/exchange.js';
import { redactExchange, type RedactOptions } from '../../cassettes/redact/redact.js';
import { assertNoSecrets } from '../../cassettes/redact/secret-scan.js';

/** The scanner refused the exchange: its message names where, never the value. */
export class SecretRefusal extends Error {}

/** `scan` false: passthrough, which writes nothing, only redacts what its findings show. */
export function redact(exchange: Exchange, options: RedactOptions, scan = true): Exchange {
  if (!scan) return redactExchange(exchange, options);
  const where = exchange.operation ?? `${exchange.request.method} ${exchange.request.path}`;
  try {
    const redacted = redactExchange(exchange, options);
    assertNoSecrets(redacted, where);
    return redacted;
  } catch (error) {
    // Only the scanner's and redaction's own refusals; anything else is a bug (a RangeError
    // once passed for a refusal and the exchange went silently unrecorded): the journal fails.
    if (!(error instanceof TapegateError)) throw error;
    throw new SecretRefusal(error.message);
  }
}
