import { describe, expect, it } from 'vitest';
import { describeProxy } from '../../proxy/cli';
import { isLoopbackHost } from '../../proxy/config';

const upstreams = { soapUrl: 'https://soap.example', restUrl: 'https://api.example', allowedExtensionIds: [] };

describe('describeProxy', () => {
  it('warns when the proxy listens beyond loopback without a token', () => {
    const lines = describeProxy('http://0.0.0.0:8787', { ...upstreams, host: '0.0.0.0' }).join('\n');
    expect(lines).toMatch(/Warning: listening on 0\.0\.0\.0, beyond this machine, without PROXY_TOKEN/);
  });

  it('says nothing of the kind on loopback, or with a token (which it never prints)', () => {
    for (const host of ['127.0.0.1', 'localhost', '::1', '[::1]']) {
      expect(describeProxy('http://x', { ...upstreams, host }).join('\n')).not.toMatch(/Warning/);
    }
    const guarded = describeProxy('http://x', { ...upstreams, host: '0.0.0.0', proxyToken: 'tok-0123456789abcdef' });
    expect(guarded.join('\n')).not.toMatch(/Warning|tok-0123456789abcdef/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['::', false],
    ['example.nl', false],
  ])('%s → %s', (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
});
