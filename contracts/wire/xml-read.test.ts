/**
 * XML bodies that must never crash or expand: entity-expansion attacks, malformed documents,
 * runaway nesting; and what the XML decoders report for bodies that parse but do not fit.
 */
import { describe, expect, it } from 'vitest';
import { loadShapes } from '../../test/support/wire-models.js';
import { decodeQueryResponse } from './query-response.js';
import { decodeRestXmlRequest } from './rest-xml-request.js';
import { decodeRestXmlResponse } from './rest-xml-response.js';
import { MAX_XML_DEPTH, readXml, readXmlTree } from './xml-read.js';

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<Tagging><TagSet><Tag><Key>&lol9;</Key><Value>&lol;</Value></Tag></TagSet></Tagging>`;

const s3 = loadShapes('s3', '2006-03-01');
const sts = loadShapes('sts', '2011-06-15');

describe('readXml', () => {
  it('refuses a billion-laughs body before parsing it', () => {
    expect(readXml(BILLION_LAUGHS, 'request body')).toEqual({
      issues: [{ code: 'xml-doctype', pointer: '', message: 'request body declares a DOCTYPE, which AWS never sends; refused so that no entity it declares is expanded' }],
    });
  });

  it('leaves DOCTYPE entities unexpanded even past the refusal (the parser alone)', () => {
    const { document } = readXmlTree(BILLION_LAUGHS, 'request body');
    expect(document?.root.TagSet).toEqual([{ '#text': '', Tag: [{ '#text': '', Key: [{ '#text': '&lol9;' }], Value: [{ '#text': '&lol;' }] }] }]);
    expect(JSON.stringify(document)).not.toContain('lollol');
  });

  it('decodes the five built-in entities and character references, nothing else', () => {
    const { document } = readXml('<A><B>&lt;&gt;&amp;&quot;&apos; &#65;&#x42; &nbsp; &lol;</B></A>');
    expect(document?.root.B).toEqual([{ '#text': `<>&"' AB &nbsp; &lol;` }]);
  });

  it('keeps a million references to undefined entities as written, each read as a name and not reported as an error (six megabytes)', () => {
    const { document, issues } = readXml(`<A>${'&nbsp;&é;'.repeat(500_000)}</A>`);
    expect(issues).toEqual([]);
    expect(document?.root['#text']).toBe('&nbsp;&é;'.repeat(500_000));
  });

  it('refuses a reference that is no reference and a character XML does not allow', () => {
    expect(readXml('<A>&1a; &;</A>').issues).toEqual([
      { code: 'invalid-xml', pointer: '', message: 'XML body is not well-formed XML: disallowed character in entity name (line 1, column 7)' },
    ]);
    expect(readXml('<A>x&#0;</A>').issues).toEqual([
      { code: 'invalid-xml', pointer: '', message: 'XML body is not well-formed XML: malformed character entity (line 1, column 8)' },
    ]);
    expect(readXml('<A>\u0001</A>').issues[0]?.code).toBe('invalid-xml');
    expect(readXml('<A>]]></A>').issues[0]?.code).toBe('invalid-xml');
  });

  it('builds the uniform tree: repeated elements in order, attributes as @name, text pieces and CDATA joined, untrimmed', () => {
    const body = '<?xml version="1.0"?>\n<A xmlns="u" b="&lt;1">\n <C>x</C><![CDATA[<raw>&amp;]]><C/> tail <D e="2"><C> y </C></D></A>\n';
    expect(readXml(body).document).toEqual({
      name: 'A',
      root: { '@xmlns': 'u', '@b': '<1', '#text': '\n <raw>&amp; tail ', C: [{ '#text': 'x' }, { '#text': '' }], D: [{ '@e': '2', '#text': '', C: [{ '#text': ' y ' }] }] },
    });
  });

  it('normalizes line breaks as XML says: in text to \\n (a character reference stays), in an attribute to a space', () => {
    expect(readXml('<A b="x\r\ny\tz">1\r\n2\r3&#13;<![CDATA[4\r\n]]></A>').document?.root).toEqual({ '#text': '1\n2\n3\r4\n', '@b': 'x y z' });
  });

  it('a parse that fails midway leaves nothing behind for the next one', () => {
    expect(readXml('<a>'.repeat(MAX_XML_DEPTH + 2) + '</a>'.repeat(MAX_XML_DEPTH + 2)).issues[0]?.code).toBe('xml-too-deep');
    expect(readXml('<B><C>1</C></B>').document).toEqual({ name: 'B', root: { '#text': '', C: [{ '#text': '1' }] } });
  });

  it('reports malformed XML with line and column, never throws', () => {
    expect(readXml('<A><B></A>').issues).toEqual([
      {
        code: 'invalid-xml',
        pointer: '',
        message: 'XML body is not well-formed XML: missing end tag for element B (line 1, column 10)',
      },
    ]);
    expect(readXml('<A>\n  <B>\n</A>').issues[0]?.message).toBe('XML body is not well-formed XML: missing end tag for element B (line 3, column 4)');
    expect(readXml('{"json": true}').issues[0]?.code).toBe('invalid-xml');
    expect(readXml('').issues).toEqual([{ code: 'invalid-xml', pointer: '', message: 'XML body must have exactly one root element' }]);
    expect(readXml('<A/><B/>').issues).toEqual([{ code: 'invalid-xml', pointer: '', message: 'XML body must have exactly one root element' }]);
    expect(readXml('<A/>\n<!-- c --> <B/>').issues).toEqual([{ code: 'invalid-xml', pointer: '', message: 'XML body must have exactly one root element' }]);
    expect(readXml('<A/> x').issues).toEqual([{ code: 'invalid-xml', pointer: '', message: 'XML body is not well-formed XML: text data outside of root node (line 1, column 6)' }]);
    expect(readXml('<A><__proto__>x</__proto__></A>').issues[0]?.code).toBe('invalid-xml');
    for (const name of ['__proto__', 'constructor', 'prototype']) {
      expect(readXml(`<A><B><${name}/></B></A>`).issues).toEqual([
        { code: 'invalid-xml', pointer: '', message: `XML body names an element "${name}", which would reach a JavaScript object's prototype; refused` },
      ]);
    }
  });

  it('reports nesting deeper than the bound', () => {
    const nested = (levels: number) => '<a>'.repeat(levels) + '</a>'.repeat(levels);
    expect(readXml(nested(MAX_XML_DEPTH)).issues).toEqual([]);
    const tooDeep = [{ code: 'xml-too-deep', pointer: '', message: `XML body nests elements deeper than ${MAX_XML_DEPTH} levels` }];
    expect(readXml(nested(MAX_XML_DEPTH + 1)).issues).toEqual(tooDeep);
    expect(readXml(nested(MAX_XML_DEPTH + 2)).issues).toEqual(tooDeep);
    // Deep enough to exhaust the stack of the parser, which recurses per element: still an issue, not a crash.
    expect(readXml(nested(100_000)).issues).toEqual(tooDeep);
    expect(readXml('<a>'.repeat(100_000)).issues).toEqual(tooDeep);
  });
});

describe('XML decoding per shape', () => {
  it('a missing required element decodes to an absent member (the validator reports it)', () => {
    const body = '<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>';
    expect(decodeRestXmlRequest(s3, 'PutBucketTagging', { path: '/b', query: { tagging: [''] }, headers: {}, body })).toEqual({
      value: { Bucket: 'b', Tagging: { TagSet: [{ Key: 'k' }] } },
      issues: [],
    });
  });

  it('reads flattened lists, numbers as the shape says, and reports what does not fit', () => {
    const body = `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><KeyCount>two</KeyCount><MaxKeys>0012</MaxKeys>
      <Contents><Key>a</Key><Size>1</Size><LastModified>2024-05-06T07:08:09.000Z</LastModified></Contents><Contents><Key>b</Key><Colour>red</Colour></Contents>
      <CommonPrefixes><Prefix>p/</Prefix></CommonPrefixes></ListBucketResult>`;
    expect(decodeRestXmlResponse(s3, 'ListObjectsV2', { status: 200, headers: { 'x-amz-request-charged': 'requester' }, body })).toEqual({
      value: {
        RequestCharged: 'requester',
        Name: 'b',
        MaxKeys: 12,
        Contents: [{ Key: 'a', Size: 1, LastModified: '2024-05-06T07:08:09Z' }, { Key: 'b' }],
        CommonPrefixes: [{ Prefix: 'p/' }],
      },
      issues: [
        { code: 'invalid-value', pointer: '/KeyCount', wire: 'ListBucketResult/KeyCount', message: 'ListBucketResult/KeyCount is "two": expected an integer (integer)' },
        { code: 'unknown-member', pointer: '/Contents/1/Colour', wire: 'ListBucketResult/Contents/Colour', message: 'ListBucketResult/Contents/Colour is no member of Object' },
      ],
    });
  });

  it('reads an attribute member (Grantee xsi:type)', () => {
    const body = `<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant><Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser"><ID>i</ID></Grantee><Permission>READ</Permission></Grant></AccessControlList></AccessControlPolicy>`;
    expect(decodeRestXmlResponse(s3, 'GetBucketAcl', { status: 200, headers: {}, body }).value).toEqual({
      Owner: { ID: 'o' },
      Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'i' }, Permission: 'READ' }],
    });
  });

  it('reads a query answer through its result wrapper and reports a stray element', () => {
    const body = `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult><Account>123456789012</Account><Arn>arn</Arn></GetCallerIdentityResult><Extra/><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`;
    expect(decodeQueryResponse(sts, 'GetCallerIdentity', body)).toEqual({
      value: { Account: '123456789012', Arn: 'arn' },
      requestId: 'r-1',
      issues: [
        {
          code: 'unknown-member',
          pointer: '',
          wire: 'GetCallerIdentityResponse/Extra',
          message: 'GetCallerIdentityResponse/Extra is neither GetCallerIdentityResult nor ResponseMetadata',
        },
      ],
    });
  });

  it('a bad XML answer is an issue, not an exception', () => {
    expect(decodeQueryResponse(sts, 'GetCallerIdentity', '<GetCallerIdentityResponse>')).toEqual({
      value: undefined,
      issues: [{ code: 'invalid-xml', pointer: '', message: 'response body is not well-formed XML: unclosed tag: GetCallerIdentityResponse (line 1, column 27)' }],
    });
  });
});
