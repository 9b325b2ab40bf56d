/**
 * The real AWS SDK for JavaScript v3 S3 client in front of a capture server, for the tests that
 * send sampled S3 calls: path-style (`forcePathStyle`), or virtual-hosted, where the SDK names
 * the bucket in the Host (`tapegate-bucket.localhost:<port>`) and the client's own agent
 * resolves every name to 127.0.0.1, so the test does not depend on how the machine resolves
 * `*.localhost`.
 */
import { Agent, type AgentOptions } from 'node:http';
import { S3Client } from '@aws-sdk/client-s3';
import { startCaptureServer, type CaptureServer } from './capture-server.js';
import { FAKE_CREDENTIALS } from './sdk-clients.js';

/**
 * One attempt, so a wrong answer fails at once; checksums only where the model requires them,
 * because sampled checksum members and headers do not fit the sampled (or empty) bodies.
 */
export const S3_CLIENT_CONFIG = {
  region: 'us-east-1',
  credentials: { ...FAKE_CREDENTIALS },
  maxAttempts: 1,
  responseChecksumValidation: 'WHEN_REQUIRED',
  requestChecksumCalculation: 'WHEN_REQUIRED',
} as const;

export interface S3OnLoopback {
  readonly server: CaptureServer;
  /** Typed loosely: the tests build commands by operation name. */
  readonly client: { send(command: unknown): Promise<unknown> };
  /** Destroys the client (and its agent), then closes the server. */
  close(): Promise<void>;
}

export async function startS3OnLoopback(options: { virtualHosted: boolean }): Promise<S3OnLoopback> {
  const server = await startCaptureServer();
  if (!options.virtualHosted) {
    const client = new S3Client({ ...S3_CLIENT_CONFIG, endpoint: server.url, forcePathStyle: true });
    return {
      server,
      client,
      close: async () => {
        client.destroy();
        await server.close();
      },
    };
  }
  const agent = new Agent({
    lookup: (_host: string, lookupOptions: { all?: boolean }, callback: (...args: unknown[]) => void) =>
      lookupOptions.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4),
  } as AgentOptions);
  const endpoint = `http://localhost:${new URL(server.url).port}`;
  const client = new S3Client({ ...S3_CLIENT_CONFIG, endpoint, forcePathStyle: false, requestHandler: { httpAgent: agent } });
  return {
    server,
    client,
    close: async () => {
      client.destroy();
      agent.destroy();
      await server.close();
    },
  };
}
