/**
 * Debian's own AWS clients (python3 with boto3, and the AWS CLI, which .ci/run installs with
 * apt) run as a user runs them: under `tapegate exec`, recording against a loopback fake, then
 * replaying with the fake gone. The environments are spelled out whole because the clients
 * read the machine's AWS set-up (a profile, a session token, a region) as much as the command
 * line: what the runner has must not reach a test.
 */
import { runCliAsync, type CliResult } from './cli.js';
import type { FakeCredentials } from './fake-apigateway/sigv4-verify.js';

export const PYTHON = '/usr/bin/python3';
export const AWS_CLI = '/usr/bin/aws';

/** A client's environment while recording: the fake's credentials (which the proxy re-signs with) and us-east-1. */
export function recordingEnv(credentials: FakeCredentials): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    AWS_SESSION_TOKEN: undefined,
    AWS_PROFILE: undefined,
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
  };
}

/** A client's environment while replaying: no credentials and no region, which a replay must not need. */
export const OFFLINE_ENV: Readonly<NodeJS.ProcessEnv> = {
  AWS_ACCESS_KEY_ID: undefined,
  AWS_SECRET_ACCESS_KEY: undefined,
  AWS_SESSION_TOKEN: undefined,
  AWS_PROFILE: undefined,
  AWS_REGION: undefined,
  AWS_DEFAULT_REGION: undefined,
};

/** `tapegate exec --mode record --upstream <upstream> --cassette <cassette> -- <command>`, signed for the upstream. */
export function execRecord(upstream: string, credentials: FakeCredentials, cassette: string, command: string[]): Promise<CliResult> {
  return runCliAsync(['exec', '--mode', 'record', '--upstream', upstream, '--cassette', cassette, '--', ...command], { env: recordingEnv(credentials) });
}

/** `tapegate exec --cassette <cassette> -- <command>`, offline. */
export function execReplay(cassette: string, command: string[]): Promise<CliResult> {
  return runCliAsync(['exec', '--cassette', cassette, '--', ...command], { env: OFFLINE_ENV });
}
