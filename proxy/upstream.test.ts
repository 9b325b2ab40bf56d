import { describe, expect, it } from 'vitest';
import { bundledContracts } from '../contracts/load.js';
import { awsEndpoint, endpointPrefixes, parseCredentialScope, partitionOf, signingNameOf } from './endpoints.js';
import { parseRegion, parseUpstream, planUpstream, type UpstreamConfig } from './upstream.js';

const auth = (credential: string) => `AWS4-HMAC-SHA256 Credential=${credential}, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

describe('parseCredentialScope', () => {
  it('reads region and service from the Authorization header, never keeping the key id', () => {
    const scope = parseCredentialScope(auth('AKIDEXAMPLE/20260101/us-east-1/apigateway/aws4_request'));
    expect(scope).toEqual({ date: '20260101', region: 'us-east-1', service: 'apigateway' });
    expect(JSON.stringify(scope)).not.toContain('AKIDEXAMPLE');
  });

  it('finds Credential wherever it sits among the fields', () => {
    expect(parseCredentialScope('AWS4-HMAC-SHA256 SignedHeaders=host,Credential=K/20260101/eu-west-1/apigateway/aws4_request,Signature=ab')).toMatchObject({ region: 'eu-west-1' });
  });

  it.each([
    ['no header', undefined],
    ['another algorithm', 'AWS4-ECDSA-P256-SHA256 Credential=K/20260101/us-east-1/apigateway/aws4_request'],
    ['SigV2', 'AWS AKIDEXAMPLE:c2lnbmF0dXJl'],
    ['four parts', auth('K/20260101/us-east-1/aws4_request')],
    ['no terminator', auth('K/20260101/us-east-1/apigateway/aws5_request')],
    ['a bad date', auth('K/2026-01-01/us-east-1/apigateway/aws4_request')],
    ['an empty key', auth('/20260101/us-east-1/apigateway/aws4_request')],
    ['a host-like region', auth('K/20260101/evil.example/apigateway/aws4_request')],
    ['a path in the service', auth('K/20260101/us-east-1/api%2Fgateway/aws4_request')],
    ['no Credential field', 'AWS4-HMAC-SHA256 SignedHeaders=host, Signature=ab'],
  ])('refuses %s', (_, header) => {
    expect(parseCredentialScope(header)).toBeNull();
  });
});

describe("partitions and endpoints, from the AWS SDK's partition data", () => {
  it.each([
    ['us-east-1', 'aws', 'https://apigateway.us-east-1.amazonaws.com'],
    ['ap-southeast-4', 'aws', 'https://apigateway.ap-southeast-4.amazonaws.com'],
    ['cn-north-1', 'aws-cn', 'https://apigateway.cn-north-1.amazonaws.com.cn'],
    ['cn-northwest-1', 'aws-cn', 'https://apigateway.cn-northwest-1.amazonaws.com.cn'],
    ['us-gov-west-1', 'aws-us-gov', 'https://apigateway.us-gov-west-1.amazonaws.com'],
    ['eusc-de-east-1', 'aws-eusc', 'https://apigateway.eusc-de-east-1.amazonaws.eu'],
    ['us-iso-east-1', 'aws-iso', 'https://apigateway.us-iso-east-1.c2s.ic.gov'],
    ['us-isob-east-1', 'aws-iso-b', 'https://apigateway.us-isob-east-1.sc2s.sgov.gov'],
    ['eu-isoe-west-1', 'aws-iso-e', 'https://apigateway.eu-isoe-west-1.cloud.adc-e.uk'],
  ])('%s is in %s at %s', (region, partition, endpoint) => {
    expect(partitionOf(region)?.name).toBe(partition);
    expect(awsEndpoint('apigateway', region)).toEqual({ target: new URL(endpoint), signingRegion: region });
  });

  it.each([
    'evil.com',
    'us-east-1.attacker',
    'us-east-1.evil.example',
    'us-east-1/x',
    'us-east-1#',
    'xx-moon-1',
    'local',
    'us-east',
    'US-EAST-1',
    'aws-global',
    'aws-cn-global',
    '',
  ])('refuses %j: no partition of the SDK lists it, or it is no host label', (region) => {
    expect(partitionOf(region)).toBeNull();
    expect(awsEndpoint('apigateway', region)).toBeNull();
  });

  it('refuses an endpoint prefix that is no host label', () => {
    expect(awsEndpoint('evil.com/x', 'us-east-1')).toBeNull();
  });

  it('is ready for global services: IAM signed for us-east-1 goes to its global endpoint, in aws only', () => {
    const iam = { endpointPrefix: 'iam', globalEndpoint: 'iam.amazonaws.com' };
    expect(awsEndpoint(iam, 'us-east-1')).toEqual({ target: new URL('https://iam.amazonaws.com'), signingRegion: 'us-east-1' });
    // Another region of aws, or another partition, keeps the regional form.
    expect(awsEndpoint(iam, 'us-gov-west-1')?.target.origin).toBe('https://iam.us-gov-west-1.amazonaws.com');
    expect(awsEndpoint(iam, 'cn-north-1')?.target.origin).toBe('https://iam.cn-north-1.amazonaws.com.cn');
    // A global endpoint outside amazonaws.com is not taken (a contract file is data, not an address book).
    expect(awsEndpoint({ endpointPrefix: 'iam', globalEndpoint: 'evil.example' }, 'us-east-1')?.target.origin).toBe('https://iam.us-east-1.amazonaws.com');
  });

  it('maps signing names to endpoint prefixes from the loaded contracts', () => {
    const contracts = bundledContracts();
    expect([...endpointPrefixes(contracts)].map(([name, endpoint]) => [name, endpoint.endpointPrefix]).sort()).toEqual([
      ['apigateway', 'apigateway'],
      ['dynamodb', 'dynamodb'],
      ['events', 'events'],
      ['iam', 'iam'],
      ['kms', 'kms'],
      ['lambda', 'lambda'],
      ['logs', 'logs'],
      ['s3', 's3'],
      ['secretsmanager', 'secretsmanager'],
      ['sns', 'sns'],
      ['sqs', 'sqs'],
      ['ssm', 'ssm'],
      ['states', 'states'],
      ['sts', 'sts'],
    ]);
    // botocore's globalEndpoint travels in the contracts' header: IAM is served from it in us-east-1.
    expect(endpointPrefixes(contracts).get('iam')).toEqual({ endpointPrefix: 'iam', globalEndpoint: 'iam.amazonaws.com' });
    expect(awsEndpoint(endpointPrefixes(contracts).get('iam')!, 'us-east-1')?.target.origin).toBe('https://iam.amazonaws.com');
    expect(signingNameOf(contracts, 'apigatewayv2.CreateApi')).toBe('apigateway');
    expect(signingNameOf(contracts, 'stepfunctions.StartExecution')).toBe('states');
    expect(signingNameOf(contracts, null)).toBeNull();
  });
});

describe('parseUpstream', () => {
  it.each([
    ['http://127.0.0.1:4566', 'http://127.0.0.1:4566'],
    ['http://127.0.0.1:4566/', 'http://127.0.0.1:4566'],
    [' https://apigateway.example.test ', 'https://apigateway.example.test'],
    ['http://[::1]:8080', 'http://[::1]:8080'],
  ])('accepts %j as %s', (value, origin) => {
    expect(parseUpstream(value).origin).toBe(origin);
  });

  it.each([
    '127.0.0.1:4566',
    'ftp://127.0.0.1',
    'http://127.0.0.1/prefix',
    'http://127.0.0.1/?a=1',
    'http://127.0.0.1/?',
    'http://127.0.0.1/#x',
    'http://user:pw@127.0.0.1',
    'file:///etc/passwd',
    'not a url',
    '',
  ])('refuses %j with exit code 2', (value) => {
    expect(() => parseUpstream(value)).toThrow(/^Failed to parse "--upstream": expected an http or https URL with no path, query or credentials/);
    try {
      parseUpstream(value);
    } catch (error) {
      expect((error as { exitCode: number }).exitCode).toBe(2);
    }
  });

  it('checks --region the same way', () => {
    expect(parseRegion('us-gov-east-1')).toBe('us-gov-east-1');
    expect(parseRegion('eusc-de-east-1')).toBe('eusc-de-east-1');
    expect(() => parseRegion('us-east-1.attacker')).toThrow('Failed to parse "--region": expected an AWS region');
    expect(() => parseRegion('moon-base-1x')).toThrow('Failed to parse "--region": expected an AWS region');
  });
});

describe('planUpstream', () => {
  const prefixes = endpointPrefixes(bundledContracts());
  const scope = { date: '20260101', region: 'eu-central-1', service: 'apigateway' };
  const config = (extra: Partial<UpstreamConfig> = {}): UpstreamConfig => ({ endpointPrefixes: prefixes, ...extra });

  it('forwards to the endpoint of the scope, signing for its region and service', () => {
    const decision = planUpstream({ scope, routedService: null }, config());
    expect(decision).toMatchObject({ ok: true, plan: { region: 'eu-central-1', service: 'apigateway' } });
    if (decision.ok) expect(decision.plan.target.origin).toBe('https://apigateway.eu-central-1.amazonaws.com');
  });

  it('forwards the json services to their endpoints, named by the signing name of each scope', () => {
    const expected: [string, string][] = [
      ['dynamodb', 'https://dynamodb.eu-central-1.amazonaws.com'],
      ['sqs', 'https://sqs.eu-central-1.amazonaws.com'],
      ['secretsmanager', 'https://secretsmanager.eu-central-1.amazonaws.com'],
      ['kms', 'https://kms.eu-central-1.amazonaws.com'],
      ['events', 'https://events.eu-central-1.amazonaws.com'],
      ['states', 'https://states.eu-central-1.amazonaws.com'],
      ['logs', 'https://logs.eu-central-1.amazonaws.com'],
      ['ssm', 'https://ssm.eu-central-1.amazonaws.com'],
    ];
    for (const [service, origin] of expected) {
      const decision = planUpstream({ scope: { ...scope, service }, routedService: null }, config());
      if (!decision.ok) throw new Error(decision.message);
      expect([decision.plan.service, decision.plan.target.origin]).toEqual([service, origin]);
    }
  });

  it.each([
    ['eusc-de-east-1', 'https://lambda.eusc-de-east-1.amazonaws.eu'],
    ['us-iso-east-1', 'https://lambda.us-iso-east-1.c2s.ic.gov'],
    ['cn-north-1', 'https://lambda.cn-north-1.amazonaws.com.cn'],
    ['us-gov-west-1', 'https://lambda.us-gov-west-1.amazonaws.com'],
  ])('a Lambda request signed for %s goes to %s, signed for that region', (region, origin) => {
    const decision = planUpstream({ scope: { date: '20260101', region, service: 'lambda' }, routedService: null }, config());
    if (!decision.ok) throw new Error(decision.message);
    expect([decision.plan.target.origin, decision.plan.region, decision.plan.service]).toEqual([origin, region, 'lambda']);
  });

  it('--region changes both the signature and the endpoint', () => {
    const decision = planUpstream({ scope, routedService: null }, config({ region: 'cn-north-1' }));
    if (!decision.ok) throw new Error(decision.message);
    expect(decision.plan.region).toBe('cn-north-1');
    expect(decision.plan.target.origin).toBe('https://apigateway.cn-north-1.amazonaws.com.cn');
  });

  it('--upstream takes everything, scoped or not (the routed operation names the service)', () => {
    const upstream = parseUpstream('http://127.0.0.1:9');
    expect(planUpstream({ scope, routedService: null }, config({ upstream }))).toMatchObject({ ok: true, plan: { target: upstream, region: 'eu-central-1' } });
    expect(planUpstream({ scope: null, routedService: 'apigateway' }, config({ upstream }))).toMatchObject({ ok: true, plan: { region: 'us-east-1', service: 'apigateway' } });
    expect(planUpstream({ scope: null, routedService: null }, config({ upstream }))).toMatchObject({ ok: false });
  });

  it('refuses a request without a scope, an unknown service and an unsupported region', () => {
    expect(planUpstream({ scope: null, routedService: 'apigateway' }, config())).toMatchObject({
      ok: false,
      message: expect.stringContaining('no SigV4 credential scope') as string,
    });
    expect(planUpstream({ scope: { ...scope, service: 'kinesis' }, routedService: null }, config())).toMatchObject({
      ok: false,
      message: expect.stringContaining('"kinesis"') as string,
    });
    for (const region of ['evil.com', 'us-east-1.attacker', 'xx-moon-1']) {
      expect(planUpstream({ scope: { ...scope, region }, routedService: null }, config())).toMatchObject({
        ok: false,
        message: expect.stringContaining(`"${region}" is not one the AWS SDK's partition data lists`) as string,
      });
    }
  });
});
