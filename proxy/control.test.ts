/**
 * The control surface's own small decisions: which paths are its, which local addresses it
 * answers on, and how the session header is read (and taken off) from a request.
 */
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { isControlPath, isLoopbackAddress } from './control.js';
import { takeSessionHeader } from './steps/session.js';

describe('isControlPath', () => {
  it('is /__tapegate and what is under it, query aside; nothing an AWS API uses', () => {
    expect(isControlPath('/__tapegate')).toBe(true);
    expect(isControlPath('/__tapegate/sessions?x=1')).toBe(true);
    expect(isControlPath('/__tapegatex/sessions')).toBe(false);
    expect(isControlPath('/restapis/__tapegate/')).toBe(false);
    expect(isControlPath('/v2/apis')).toBe(false);
  });
});

describe('isLoopbackAddress', () => {
  it('takes 127.0.0.0/8, ::1 and IPv4 loopback on a dual-stack socket, nothing else', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(address)).toBe(true);
    for (const address of ['10.0.0.1', '::ffff:192.168.1.2', '0.0.0.0', '::', undefined]) expect(isLoopbackAddress(address)).toBe(false);
  });
});

describe('takeSessionHeader', () => {
  const request = (headers: Record<string, string | string[]>): IncomingMessage => ({ headers: { ...headers } }) as unknown as IncomingMessage;

  it('reads the id and removes the header, so no later step can see it', () => {
    const req = request({ 'x-tapegate-session': ' abc ', 'x-other': '1' });
    expect(takeSessionHeader(req)).toEqual({ ok: true, id: 'abc' });
    expect(req.headers).toEqual({ 'x-other': '1' });
    expect(takeSessionHeader(request({}))).toEqual({ ok: true, id: null });
  });

  it('refuses an empty value or two sessions for one request', () => {
    for (const value of ['', 'a, b', ['a', 'b']]) {
      const req = request({ 'x-tapegate-session': value });
      expect(takeSessionHeader(req)).toMatchObject({ ok: false, message: expect.stringMatching(/^the x-tapegate-session header must name one session id/) as unknown });
      expect(req.headers).toEqual({});
    }
  });
});
