import { describe, expect, it } from 'vitest';
import type { RecordedRequest } from '../../core/exchange.js';
import { canonicalBody } from './canonical.js';
import { keyOf } from './key.js';

const bytes = (text: string) => ({ kind: 'bytes' as const, bytes: Buffer.from(text) });
const FORM = 'application/x-www-form-urlencoded; charset=utf-8';

function form(text: string): RecordedRequest {
  return { method: 'POST', path: '/', query: {}, headers: { 'content-type': FORM }, body: bytes(text) };
}

describe('form and XML bodies in the match key', () => {
  it('a form with the same parameters in another order, or a space spelled + or %20, is the same body', () => {
    const a = canonicalBody(bytes('Action=Publish&Version=2010-03-31&Message=hello%20world&TopicArn=t'), undefined, FORM);
    expect(canonicalBody(bytes('TopicArn=t&Message=hello+world&Version=2010-03-31&Action=Publish'), undefined, FORM)).toBe(a);
    expect(canonicalBody(bytes('Action=Publish&Version=2010-03-31&Message=hello%20World&TopicArn=t'), undefined, FORM)).not.toBe(a);
    expect(a).toMatch(/^form /);
  });

  it('the identity includes the Action: two forms that differ only there are two requests', () => {
    expect(keyOf(null, form('Action=GetCallerIdentity&Version=2011-06-15'))).not.toBe(keyOf(null, form('Action=GetSessionToken&Version=2011-06-15')));
    expect(keyOf('sts.AssumeRole', form('RoleSessionName=s&Action=AssumeRole&Version=2011-06-15'))).toBe(
      keyOf('sts.AssumeRole', form('Action=AssumeRole&Version=2011-06-15&RoleSessionName=s')),
    );
  });

  it('the same XML laid out with other whitespace is the same body; leaf text and attribute values still count', () => {
    const compact = '<Delete><Object><Key>a b</Key></Object><Quiet>true</Quiet></Delete>';
    const indented = '<?xml version="1.0" encoding="UTF-8"?>\n<Delete>\n  <Object>\n    <Key>a b</Key>\n  </Object>\n  <Quiet>true</Quiet>\n</Delete>\n';
    expect(canonicalBody(bytes(indented), undefined, 'application/xml')).toBe(canonicalBody(bytes(compact), undefined, 'application/xml'));
    expect(canonicalBody(bytes(compact.replace('a b', 'a  b')))).not.toBe(canonicalBody(bytes(compact)));
    expect(canonicalBody(bytes('<A x="1" y="2"/>'))).toBe(canonicalBody(bytes('<A y="2" x="1"></A>')));
    expect(canonicalBody(bytes('<A x="1"/>'))).not.toBe(canonicalBody(bytes('<A x="2"/>')));
  });

  it('bytes that are neither (or XML that does not parse) keep their digest', () => {
    expect(canonicalBody(bytes('<not xml'))).toMatch(/^bytes /);
    expect(canonicalBody(bytes('a=1&b=2'))).toMatch(/^bytes /);
  });
});
