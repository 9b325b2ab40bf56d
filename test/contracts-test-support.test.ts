/**
 * The helpers the contract tests stand on: if the capture server misreports a request or the
 * sampler builds an invalid value, the contract tests would prove nothing.
 */
import { Agent, request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledContracts } from '../contracts/load.js';
import { startCaptureServer, type CaptureServer } from './support/capture-server.js';
import { SAMPLE_DATE_TIME, SAMPLE_EPOCH_SECONDS, sampleFromSchema } from './support/sample-from-schema.js';
import { samplePattern } from './support/sample-pattern.js';

describe('samplePattern', () => {
  it.each([
    ['[1-5]\\d\\d', 0],
    ['^[a-z0-9]+$', 10],
    ['^-?[0-9]+$', 0],
    ['^([1-5]\\d\\d|\\*|\\s*)$', 0],
    ["^method\\.response\\.header\\.[!#$%&'*+.^_`|0-9A-Za-z-]+$", 0],
    ["^('[^']*'|integration\\.response\\.header\\.[!#$%&'*+.^_`|0-9A-Za-z-]+|integration\\.response\\.body\\..+)$", 0],
    ['^(/([^/~]|~[01])*)+$', 1],
    ['^(?:ab){2,3}c?$', 0],
  ])('%s gives a string the pattern matches', (pattern, repeat) => {
    const sample = samplePattern(pattern, repeat);
    expect(new RegExp(pattern, 'u').test(sample), JSON.stringify(sample)).toBe(true);
  });

  it('repeats unbounded quantifiers as asked, to reach a minimum length', () => {
    expect(samplePattern('^[a-z0-9]+$', 10)).toBe('aaaaaaaaaa');
  });

  it('refuses what it cannot honour instead of guessing', () => {
    expect(() => samplePattern('^(?<name>a)$')).toThrow(/named groups are not supported/);
    expect(() => samplePattern('^\\p{Sc}+$')).toThrow(/not supported/);
    expect(() => samplePattern('^(a)\\1$')).toThrow(/not supported/);
  });

  it('samples Lambda-style patterns: Unicode categories, negated escapes, \\x, and look-arounds left to the caller', () => {
    expect(samplePattern('^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$', 2)).toBe('aa');
    expect(samplePattern('[\\s\\S]*', 1)).toBe('a');
    expect(samplePattern('[^ /\\.$\\x22]*', 1)).toBe('a');
    // A look-around produces nothing; the sample still meets the real pattern here, and the caller checks it.
    const sample = samplePattern('(?!^[0-9]+$)([a-zA-Z0-9-_]+)');
    expect(new RegExp('(?!^[0-9]+$)([a-zA-Z0-9-_]+)').test(sample)).toBe(true);
  });
});

describe('sampleFromSchema', () => {
  const contracts = bundledContracts();
  const v1 = contracts.service('apigateway')!;
  const v2 = contracts.service('apigatewayv2')!;

  it('resolves refs and honours enums, patterns and v1 epoch timestamps', () => {
    const body = contracts.operations.get('apigateway.GetRestApi')!.response.body!.validation;
    const value = sampleFromSchema(body, v1) as Record<string, unknown>;
    expect(value.createdDate).toBe(SAMPLE_EPOCH_SECONDS);
    expect(value.apiKeySource).toBe('HEADER');
    expect(value.endpointConfiguration).toMatchObject({ types: ['REGIONAL'] });
  });

  it('honours overlay ranges merged through allOf and v2 date-time strings', () => {
    const body = contracts.operations.get('apigatewayv2.GetIntegration')!.response.body!.validation;
    const value = sampleFromSchema(body, v2) as Record<string, unknown>;
    expect(value.timeoutInMillis).toBe(50);
    const api = sampleFromSchema(contracts.operations.get('apigatewayv2.GetApi')!.response.body!.validation, v2) as Record<string, unknown>;
    expect(api.createdDate).toBe(SAMPLE_DATE_TIME);
  });

  it('samples map keys from propertyNames and status codes as 200', () => {
    const value = sampleFromSchema({ $ref: '#/definitions/IntegrationResponse' }, v1) as Record<string, Record<string, string>>;
    expect(value.statusCode).toBe('200');
    expect(Object.keys(value.responseParameters!)).toEqual(['method.response.header.a']);
  });

  it('keeps only required members below maxDepth', () => {
    const schema = { type: 'object', properties: { a: { type: 'object', properties: { b: { type: 'string' } }, required: ['b'] }, c: { type: 'string' } }, required: ['a'] };
    expect(sampleFromSchema(schema, v1, { maxDepth: 0 })).toEqual({ a: { b: 'b' } });
    expect(sampleFromSchema(schema, v1, { maxDepth: 1 })).toEqual({ a: { b: 'b' }, c: 'c' });
  });
});

describe('capture server', () => {
  let server: CaptureServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('records method, raw path, RFC 3986-decoded query, lower-case headers and the parsed body', async () => {
    server = await startCaptureServer(() => ({ status: 201, headers: { 'x-seen': 'yes' }, body: { kind: 'json', value: { ok: true } } }));
    const response = await fetch(`${server.url}/tags/arn%3Aaws%3Aapigateway%3A%3A%2Frestapis%2Fa1?tagKeys=a%2Bb&tagKeys=c+d&flag`, {
      method: 'POST',
      headers: { 'X-Custom': 'Value' },
      body: '{"tags":{"env":"test"}}',
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-seen')).toBe('yes');
    expect(await response.json()).toEqual({ ok: true });
    const [captured] = server.requests;
    expect(captured).toMatchObject({
      method: 'POST',
      path: '/tags/arn%3Aaws%3Aapigateway%3A%3A%2Frestapis%2Fa1',
      query: { tagKeys: ['a+b', 'c+d'], flag: [''] },
      body: { kind: 'json', value: { tags: { env: 'test' } } },
    });
    expect(captured?.headers['x-custom']).toBe('Value');
  });

  it('records query names that are Object.prototype names as own parameters, as the proxy reads them', async () => {
    server = await startCaptureServer();
    await fetch(`${server.url}/restapis?__proto__=x&constructor=y&toString=z`);
    const query = server.requests[0]?.query ?? {};
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(Object.entries(query)).toEqual([
      ['__proto__', ['x']],
      ['constructor', ['y']],
      ['toString', ['z']],
    ]);
  });

  it('keeps non-JSON bodies as bytes and empty bodies as empty', async () => {
    server = await startCaptureServer();
    await fetch(`${server.url}/restapis?mode=import`, { method: 'POST', body: 'openapi: 3.0.1\n' });
    await fetch(`${server.url}/restapis`);
    expect(server.requests[0]?.body).toEqual({ kind: 'bytes', bytes: new TextEncoder().encode('openapi: 3.0.1\n') });
    expect(server.requests[1]?.body).toEqual({ kind: 'empty' });
  });

  it('close() also ends idle keep-alive sockets', async () => {
    server = await startCaptureServer();
    // No keep-alive timeout: an idle socket that close() failed to end would hold it open forever.
    server.httpServer.keepAliveTimeout = 0;
    const agent = new Agent({ keepAlive: true });
    // The agent's own 'free' handler (registered first) pools the socket; ours then sees it idle.
    const freed = new Promise<Socket>((resolve) => agent.once('free', (socket: Socket) => resolve(socket)));
    const outgoing = httpRequest(`${server.url}/account`, { agent }, (incoming) => incoming.resume());
    outgoing.end();
    const socket = await freed;
    const socketClosed = new Promise<void>((done) => socket.once('close', () => done()));
    expect(Object.keys(agent.freeSockets)).toHaveLength(1); // idle, kept alive: the case close() must handle
    await server.close();
    server = undefined;
    await socketClosed;
    agent.destroy();
  });

  it('close() also ends a connection whose request is still waiting for its answer', async () => {
    let arrived!: () => void;
    const waiting = new Promise<void>((resolve) => (arrived = resolve));
    server = await startCaptureServer(() => {
      arrived();
      return new Promise(() => {}); // never answers
    });
    const failed = new Promise<Error>((resolve) => {
      const outgoing = httpRequest(`${server!.url}/account`, () => resolve(new Error('unexpected response')));
      outgoing.on('error', resolve);
      outgoing.end();
    });
    await waiting;
    await server.close();
    server = undefined;
    expect((await failed).message).toMatch(/socket hang up|ECONNRESET/);
  });
});
