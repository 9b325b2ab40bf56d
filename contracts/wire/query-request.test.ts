/**
 * Query-protocol request bodies that do not follow the protocol: each gives its exact issue,
 * with a JSON Pointer into the neutral value and the form key, never an exception. A made-up
 * model covers what STS, SNS and IAM do not use (flattened lists and maps, named items).
 */
import { describe, expect, it } from 'vitest';
import { loadShapes } from '../../test/support/wire-models.js';
import { decodeQueryRequest } from './query-request-decode.js';
import { encodeQueryRequest } from './query-request-encode.js';
import { ServiceShapes } from './service-shapes.js';

const sts = loadShapes('sts', '2011-06-15');
const base = 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fr&RoleSessionName=s';

const madeUp = new ServiceShapes({
  metadata: { apiVersion: '2020-01-01', protocol: 'query' },
  operations: { Put: { name: 'Put', http: { method: 'POST', requestUri: '/' }, input: { shape: 'PutInput' } } },
  shapes: {
    PutInput: {
      type: 'structure',
      members: {
        Flat: { shape: 'FlatList' },
        Named: { shape: 'NamedList' },
        FlatMap: { shape: 'Attributes', flattened: true, locationName: 'Attribute' },
        Renamed: { shape: 'Str', locationName: 'WireName' },
        When: { shape: 'Time' },
        Data: { shape: 'Bytes' },
        Ratio: { shape: 'Dbl' },
      },
    },
    FlatList: { type: 'list', member: { shape: 'Str', locationName: 'Item' }, flattened: true },
    NamedList: { type: 'list', member: { shape: 'Str', locationName: 'Thing' } },
    Attributes: { type: 'map', key: { shape: 'Str', locationName: 'Name' }, value: { shape: 'Str', locationName: 'Value' } },
    Str: { type: 'string' },
    Time: { type: 'timestamp' },
    Bytes: { type: 'blob' },
    Dbl: { type: 'double' },
  },
});

describe('decodeQueryRequest', () => {
  it('reads a well-formed AssumeRole into the neutral input', () => {
    const body = `${base}&DurationSeconds=900&Tags.member.1.Key=team&Tags.member.1.Value=a+b%26c&Tags.member.2.Key=env&Tags.member.2.Value=&PolicyArns=`;
    expect(decodeQueryRequest(sts, body)).toEqual({
      operation: 'AssumeRole',
      version: '2011-06-15',
      value: {
        RoleArn: 'arn:aws:iam::123456789012:role/r',
        RoleSessionName: 's',
        DurationSeconds: 900,
        Tags: [
          { Key: 'team', Value: 'a b&c' },
          { Key: 'env', Value: '' },
        ],
        PolicyArns: [],
      },
      issues: [],
    });
  });

  it('reports a list sent as member.0 and leaves that item out', () => {
    const { value, issues } = decodeQueryRequest(sts, `${base}&TransitiveTagKeys.member.0=a&TransitiveTagKeys.member.1=b`);
    expect(value?.TransitiveTagKeys).toEqual(['b']);
    expect(issues).toEqual([
      {
        code: 'invalid-list-index',
        pointer: '/TransitiveTagKeys',
        wire: 'TransitiveTagKeys.member.0',
        message: 'form key TransitiveTagKeys.member.0: index "0" is not 1, 2, 3, … (query indices start at 1); the item is not read',
      },
    ]);
  });

  it('reports a gap in list indices', () => {
    const { value, issues } = decodeQueryRequest(sts, `${base}&TransitiveTagKeys.member.1=a&TransitiveTagKeys.member.3=c`);
    expect(value?.TransitiveTagKeys).toEqual(['a', 'c']);
    expect(issues).toEqual([
      {
        code: 'list-index-gap',
        pointer: '/TransitiveTagKeys',
        wire: 'TransitiveTagKeys.member',
        message: 'TransitiveTagKeys.member.N skips 2: indices must run 1, 2, 3, … without a gap',
      },
    ]);
  });

  it('reports a value that does not parse as its type, and leaves the member out', () => {
    const { value, issues } = decodeQueryRequest(sts, `${base}&DurationSeconds=15m`);
    expect(value).not.toHaveProperty('DurationSeconds');
    expect(issues).toEqual([{ code: 'invalid-value', pointer: '/DurationSeconds', wire: 'DurationSeconds', message: 'DurationSeconds is "15m": expected an integer (integer)' }]);
  });

  it('reports a key that is no member, with a pointer into the value and the form key', () => {
    const { issues } = decodeQueryRequest(sts, `${base}&Tags.member.1.Key=k&Tags.member.1.Value=v&Tags.member.1.Colour=red&Bogus=1`);
    expect(issues).toEqual([
      { code: 'unknown-member', pointer: '/Tags/0/Colour', wire: 'Tags.member.1.Colour', message: 'form key Tags.member.1.Colour: Colour is no member of Tag' },
      { code: 'unknown-member', pointer: '/Bogus', wire: 'Bogus', message: 'form key Bogus: Bogus is no member of AssumeRoleRequest' },
    ]);
  });

  it('reports list items sent without their member marker', () => {
    const { value, issues } = decodeQueryRequest(sts, `${base}&TransitiveTagKeys.1=a`);
    expect(value?.TransitiveTagKeys).toEqual([]);
    expect(issues).toEqual([
      { code: 'unknown-member', pointer: '/TransitiveTagKeys', wire: 'TransitiveTagKeys.1', message: 'form key TransitiveTagKeys.1: list items are TransitiveTagKeys.member.N' },
    ]);
  });

  it('reports a missing or unknown Action, a wrong Version, a bad escape and a repeated key', () => {
    expect(decodeQueryRequest(sts, 'Version=2011-06-15').issues).toEqual([{ code: 'unknown-action', pointer: '', wire: 'Action', message: 'the form has no Action' }]);
    expect(decodeQueryRequest(sts, 'Action=DropTables&Version=2011-06-15')).toMatchObject({ value: undefined, issues: [{ code: 'unknown-action' }] });
    expect(decodeQueryRequest(sts, `${base.replace('2011-06-15', '2099-01-01')}`).issues).toEqual([
      { code: 'version-mismatch', pointer: '', wire: 'Version', message: `Version is "2099-01-01"; the model's apiVersion is 2011-06-15` },
    ]);
    expect(decodeQueryRequest(sts, `${base}&Policy=%E0%A4%A`).issues).toEqual([
      { code: 'invalid-form', pointer: '', wire: 'Policy=%E0%A4%A', message: 'form pair "Policy=%E0%A4%A" has a malformed percent escape' },
    ]);
    expect(decodeQueryRequest(sts, `${base}&RoleSessionName=t`)).toMatchObject({ value: { RoleSessionName: 's' }, issues: [{ code: 'duplicate-key', wire: 'RoleSessionName' }] });
  });

  it('reads SNS map entries with their named key and value, and reports an incomplete entry', () => {
    const sns = loadShapes('sns', '2010-03-31');
    const body =
      'Action=Publish&Version=2010-03-31&Message=m&MessageAttributes.entry.1.Name=a&MessageAttributes.entry.1.Value.DataType=String&MessageAttributes.entry.1.Value.StringValue=v&MessageAttributes.entry.2.Name=b';
    expect(decodeQueryRequest(sns, body)).toEqual({
      operation: 'Publish',
      version: '2010-03-31',
      value: { Message: 'm', MessageAttributes: { a: { DataType: 'String', StringValue: 'v' } } },
      issues: [{ code: 'incomplete-map-entry', pointer: '/MessageAttributes', wire: 'MessageAttributes.entry.2', message: 'MessageAttributes.entry.2 has no Value' }],
    });
  });

  it('reads flattened lists and maps, named items, renamed members, timestamps, blobs and doubles', () => {
    const body =
      'Action=Put&Version=2020-01-01&Item.1=a&Item.2=b&Named.Thing.1=x&Attribute.1.Name=k&Attribute.1.Value=v&WireName=w&When=2024-05-06T07%3A08%3A09.000Z&Data=AQID&Ratio=NaN';
    const input = { Flat: ['a', 'b'], Named: ['x'], FlatMap: { k: 'v' }, Renamed: 'w', When: '2024-05-06T07:08:09Z', Data: 'AQID', Ratio: 'NaN' };
    expect(decodeQueryRequest(madeUp, body)).toEqual({ operation: 'Put', version: '2020-01-01', value: input, issues: [] });
    expect(decodeQueryRequest(madeUp, encodeQueryRequest(madeUp, 'Put', input)).value).toEqual(input);
  });

  it('keeps a map key that would be a prototype name as plain data', () => {
    const { value } = decodeQueryRequest(madeUp, 'Action=Put&Version=2020-01-01&Attribute.1.Name=__proto__&Attribute.1.Value=v');
    const map = value?.FlatMap as Record<string, unknown>;
    expect(Object.keys(map)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
  });

  it('reports an invalid timestamp and invalid base64', () => {
    expect(decodeQueryRequest(madeUp, 'Action=Put&Version=2020-01-01&When=yesterday&Data=%21%21').issues.map((i) => [i.code, i.pointer])).toEqual([
      ['invalid-value', '/When'],
      ['invalid-value', '/Data'],
    ]);
  });
});
