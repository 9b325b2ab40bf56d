/**
 * The credentials the proxy re-signs with: the caller's own, from the standard AWS provider
 * chain (environment, shared config and credentials files with profiles and SSO, web
 * identity, process, container and instance roles), exactly where the AWS SDKs look.
 *
 * Resolved lazily, on the first forwarded request: replay and auto-mode hits never need
 * credentials, and a recorder that starts before `aws sso login` still starts. The chain
 * memoizes and refreshes what it found; a failure is retried on the next request.
 */
import { maskSecretShapes } from '../cassettes/redact/secret-patterns.js';
import { TapegateError } from '../core/errors.js';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type CredentialsProvider = () => Promise<AwsCredentials>;

export interface CredentialSourceOptions {
  /** Fixed credentials or a provider (tests, embedding programs); skips the chain. */
  credentials?: AwsCredentials | CredentialsProvider;
  /** `--profile`: the shared config/credentials profile the chain reads. */
  profile?: string;
}

function describeChain(profile: string | undefined): string {
  const files = profile === undefined ? 'shared config and credentials files' : `profile "${profile}" of the shared config and credentials files`;
  return `the AWS provider chain (environment variables, ${files}, SSO, web identity, process, container and instance roles)`;
}

/** The reason, without anything key-shaped a provider might have echoed. */
function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return maskSecretShapes(text.replace(/[\r\n]+/g, ' '), '<hidden>');
}

/**
 * A provider that never returns without an access key id and a secret, and whose failures
 * are `TapegateError`s naming the chain's problem (never a secret).
 */
export function credentialSource(options: CredentialSourceOptions = {}): CredentialsProvider {
  const given = options.credentials;
  const where = given === undefined ? describeChain(options.profile) : 'the credentials option';
  let chain: CredentialsProvider | undefined;

  const resolveOnce = async (): Promise<AwsCredentials> => {
    if (typeof given === 'function') return given();
    if (given !== undefined) return given;
    if (chain === undefined) {
      // Loaded on first use: the chain pulls in STS, SSO and IMDS clients, which replay never needs.
      const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
      chain = fromNodeProviderChain(options.profile === undefined ? {} : { profile: options.profile });
    }
    return chain();
  };

  return async () => {
    let credentials: AwsCredentials;
    try {
      credentials = await resolveOnce();
    } catch (error) {
      throw new TapegateError(`Failed to get AWS credentials from ${where}: ${reasonOf(error)}`);
    }
    if (typeof credentials?.accessKeyId !== 'string' || credentials.accessKeyId === '' || typeof credentials.secretAccessKey !== 'string' || credentials.secretAccessKey === '') {
      throw new TapegateError(`Failed to get AWS credentials from ${where}: it returned no access key id and secret access key`);
    }
    return credentials;
  };
}
