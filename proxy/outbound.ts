/**
 * What a proxy sends upstream with: one connection pool (the forwarder) and one credentials
 * provider, shared by its own session and every per-test session. Built on the first session
 * that forwards, closed with the proxy. A suite of a thousand tests, each with its own
 * recording session, so keeps its keep-alive connections and resolves credentials (an SSO
 * token, an assumed role) once, not once a test.
 */
import { credentialSource, type CredentialsProvider } from './credentials.js';
import { Forwarder } from './forwarder.js';
import type { ForwardSettings } from './options.js';

export interface OutboundParts {
  forwarder: Forwarder;
  credentials: CredentialsProvider;
}

export class Outbound {
  #parts: OutboundParts | null = null;

  /** The shared parts; every session of a proxy parses the same forwarding options, so the first one's settings hold for all. */
  for(forward: ForwardSettings): OutboundParts {
    this.#parts ??= {
      forwarder: new Forwarder(forward.timeoutMs, forward.maxResponseBytes),
      credentials: credentialSource({ ...(forward.credentials ? { credentials: forward.credentials } : {}), ...(forward.profile ? { profile: forward.profile } : {}) }),
    };
    return this.#parts;
  }

  close(): void {
    this.#parts?.forwarder.close();
  }
}
