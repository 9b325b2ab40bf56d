/**
 * S3's detail elements (s3-error-details.ts) as the rest-xml error decode reads them: out of
 * `fields` (which the validator checks against the error shape) into `details`, unless the
 * error shape declares the name, when it stays a member and its value is checked as one.
 */
import { describe, expect, it } from 'vitest';
import { loadShapes } from '../../test/support/wire-models.js';
import { decodeRestXmlError } from './rest-xml-error.js';
import { ServiceShapes } from './service-shapes.js';

const shapes = loadShapes('s3', '2006-03-01');

function decode(on: ServiceShapes, status: number, inner: string): ReturnType<typeof decodeRestXmlError> {
  return decodeRestXmlError(on, { status, body: `<Error>${inner}<RequestId>R1</RequestId><HostId>H1</HostId></Error>` });
}

describe('S3 error detail elements', () => {
  it('a NoSuchKey keeps its <Key> and <Resource> as details; its (memberless) shape gets no fields', () => {
    expect(decode(shapes, 404, '<Code>NoSuchKey</Code><Message>m</Message><Key>cats/a.jpg</Key><Resource>/photos/cats/a.jpg</Resource>')).toEqual({
      value: { code: 'NoSuchKey', message: 'm', requestId: 'R1', shape: 'NoSuchKey', fields: {}, details: { Key: 'cats/a.jpg', Resource: '/photos/cats/a.jpg' } },
      issues: [],
    });
  });

  it('a SignatureDoesNotMatch (no shape in the model) and a PreconditionFailed: every detail element kept as text, none a field', () => {
    const signature = {
      AWSAccessKeyId: 'AKIDEXAMPLE',
      StringToSign: 'AWS4-HMAC-SHA256\n20260101T000000Z',
      SignatureProvided: '00',
      StringToSignBytes: '41 57',
      CanonicalRequest: 'GET\n/',
      CanonicalRequestBytes: '47 45',
    };
    const inner = Object.entries(signature)
      .map(([name, text]) => `<${name}>${text}</${name}>`)
      .join('');
    expect(decode(shapes, 403, `<Code>SignatureDoesNotMatch</Code><Message>m</Message>${inner}`)).toEqual({
      value: { code: 'SignatureDoesNotMatch', message: 'm', requestId: 'R1', fields: {}, details: signature },
      issues: [],
    });
    expect(decode(shapes, 412, '<Code>PreconditionFailed</Code><Message>m</Message><Condition>If-Match</Condition>').value).toEqual({
      code: 'PreconditionFailed',
      message: 'm',
      requestId: 'R1',
      fields: {},
      details: { Condition: 'If-Match' },
    });
  });

  it('an element outside the list is still read against the error shape: an unknown member', () => {
    const decoded = decode(shapes, 404, '<Code>NoSuchKey</Code><Key>k</Key><Colour>red</Colour>');
    expect(decoded.value?.details).toEqual({ Key: 'k' });
    expect(decoded.issues).toEqual([{ code: 'unknown-member', pointer: '/fields/Colour', wire: 'Error/Colour', message: 'Error/Colour is no member of NoSuchKey' }]);
  });

  it("another rest-xml service's error reads them as any other element: the details are S3's", () => {
    const model = shapes.model;
    const other = new ServiceShapes({ ...model, metadata: { ...model.metadata, endpointPrefix: 'route53' } }, 'S3 shapes under another endpoint');
    const decoded = decode(other, 404, '<Code>NoSuchKey</Code><Key>k</Key>');
    expect(decoded.value?.details).toBeUndefined();
    expect(decoded.issues).toEqual([{ code: 'unknown-member', pointer: '/fields/Key', wire: 'Error/Key', message: 'Error/Key is no member of NoSuchKey' }]);
  });

  it('a name the error shape declares stays its member, decoded and checked as one', () => {
    // A model in which NoSuchKey declares an integer Key: no model does today, one might.
    const model = shapes.model;
    const declaring = new ServiceShapes(
      { ...model, shapes: { ...model.shapes, NoSuchKey: { type: 'structure', members: { Key: { shape: 'PartNumber' } }, error: { httpStatusCode: 404 }, exception: true } } },
      'S3 with a Key member on NoSuchKey',
    );
    expect(decode(declaring, 404, '<Code>NoSuchKey</Code><Key>7</Key>').value).toEqual({ code: 'NoSuchKey', requestId: 'R1', shape: 'NoSuchKey', fields: { Key: 7 } });
    const wrong = decode(declaring, 404, '<Code>NoSuchKey</Code><Key>cats/a.jpg</Key>');
    expect(wrong.value?.details).toBeUndefined();
    expect(wrong.issues.map(({ code, pointer }) => [code, pointer])).toEqual([['invalid-value', '/fields/Key']]);
  });
});
