import { describe, expect, it } from 'vitest';
import { LIVE_REST_URL, LIVE_SOAP_URL, loadProxyConfig, ProxyConfigError, upstreamUrl } from '../../proxy/config';
import { tokenMatches } from '../../proxy/token';
import { judgeOrigin } from '../../proxy/cors';
import { wantsSandbox } from '../../proxy/start-options';

describe('loadProxyConfig', () => {
  it('defaults to 127.0.0.1:8787, 30 s, 1 MiB, no token, and the live services when nothing else is given', () => {
    const c = loadProxyConfig({});
    expect(c).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      upstreamTimeoutMs: 30_000,
      bodyLimitBytes: 1_048_576,
      allowedExtensionIds: [],
    });
    expect(c.proxyToken).toBeUndefined();
    expect([c.soapUrl, c.restUrl]).toEqual([LIVE_SOAP_URL, LIVE_REST_URL]);
  });

  it('uses the fallback (the in-process sandbox) unless EB_UPSTREAM=live or explicit URLs', () => {
    const sandbox = { soapUrl: 'http://127.0.0.1:5000', restUrl: 'http://127.0.0.1:5000' };
    expect(loadProxyConfig({}, sandbox).soapUrl).toBe('http://127.0.0.1:5000');
    expect(loadProxyConfig({ EB_UPSTREAM: 'live' }, sandbox).restUrl).toBe('https://api.e-boekhouden.nl');
    const custom = loadProxyConfig(
      { EB_SOAP_URL: 'https://soap.example/soap.asmx', EB_REST_URL: 'https://rest.example/base/v1/' },
      sandbox,
    );
    expect([custom.soapUrl, custom.restUrl]).toEqual(['https://soap.example', 'https://rest.example/base']);
  });

  it('reads PORT, HOST, PROXY_TOKEN, ALLOWED_EXTENSION_IDS, UPSTREAM_TIMEOUT_MS and BODY_LIMIT_BYTES', () => {
    const c = loadProxyConfig({
      PORT: '9000',
      HOST: '0.0.0.0',
      PROXY_TOKEN: ' s3cret-token-0123456 ',
      ALLOWED_EXTENSION_IDS: 'aaa, chrome-extension://bbb/ moz-extension://0b9c5e4e-1f7d-4c1b-9a55-3c2f0e1d2a3b',
      UPSTREAM_TIMEOUT_MS: '5000',
      BODY_LIMIT_BYTES: '2048',
    });
    expect(c).toMatchObject({
      port: 9000,
      host: '0.0.0.0',
      proxyToken: 's3cret-token-0123456',
      allowedExtensionIds: ['aaa', 'bbb', '0b9c5e4e-1f7d-4c1b-9a55-3c2f0e1d2a3b'],
      upstreamTimeoutMs: 5000,
      bodyLimitBytes: 2048,
    });
  });

  it.each([
    [{ PORT: '80a' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ UPSTREAM_TIMEOUT_MS: '0' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ EB_UPSTREAM: 'staging' }, 'EB_UPSTREAM'],
    [{ EB_UPSTREAM: 'sandbox' }, 'EB_UPSTREAM=sandbox'],
    [{ EB_SOAP_URL: 'ftp://x' }, 'EB_SOAP_URL'],
    [{ EB_REST_URL: 'not a url' }, 'EB_REST_URL'],
    [{ EB_REST_URL: 'https://user:pw@api.example' }, 'EB_REST_URL'],
    [{ EB_REST_URL: 'https://api.example/?x=1' }, 'EB_REST_URL'],
    [{ PROXY_TOKEN: '   ' }, 'PROXY_TOKEN is set but empty'],
    [{ PROXY_TOKEN: 'x' }, 'at least 16'],
    [{ PROXY_TOKEN: 'geheim-wachtwoord-één' }, 'visible ASCII'],
    [{ PROXY_TOKEN: 'two words in one token' }, 'visible ASCII'],
    [{ ALLOWED_EXTENSION_IDS: 'boekhoud-companion@example.nl' }, 'Internal UUID'],
    [{ ALLOWED_EXTENSION_IDS: 'https://example.nl' }, 'not an extension id or origin'],
  ])('refuses %o with a message naming %s', (env, name) => {
    expect(() => loadProxyConfig(env)).toThrow(ProxyConfigError);
    expect(() => loadProxyConfig(env)).toThrow(name);
  });

  it('does not echo a rejected URL (it may hold credentials)', () => {
    expect(() => loadProxyConfig({ EB_REST_URL: 'https://user:hunter2@api.example' })).not.toThrow(/hunter2/);
  });
});

describe('upstreamUrl', () => {
  it('strips a trailing slash and the forwarded prefix, keeps a base path', () => {
    expect(upstreamUrl('http://h:1/', 'X', '/v1')).toBe('http://h:1');
    expect(upstreamUrl('http://h:1/api/V1', 'X', '/v1')).toBe('http://h:1/api');
    expect(upstreamUrl('https://soap.e-boekhouden.nl/soap.asmx', 'X', '/soap.asmx')).toBe(
      'https://soap.e-boekhouden.nl',
    );
  });
});

describe('start: when the sandbox runs', () => {
  it('runs unless EB_UPSTREAM=live or both upstream URLs are given', () => {
    expect(wantsSandbox({})).toBe(true);
    expect(wantsSandbox({ EB_UPSTREAM: 'sandbox' })).toBe(true);
    expect(wantsSandbox({ EB_UPSTREAM: 'LIVE' })).toBe(false);
    expect(wantsSandbox({ EB_SOAP_URL: 'http://a' })).toBe(true);
    expect(wantsSandbox({ EB_SOAP_URL: 'http://a', EB_REST_URL: 'http://b' })).toBe(false);
  });
});

describe('tokenMatches', () => {
  it('matches only the exact token', () => {
    expect(tokenMatches('abc', 'abc')).toBe(true);
    expect(tokenMatches('abd', 'abc')).toBe(false);
    expect(tokenMatches('ab', 'abc')).toBe(false);
    expect(tokenMatches('abc\u0000', 'abc')).toBe(false);
    expect(tokenMatches('', 'abc')).toBe(false);
    expect(tokenMatches(undefined, 'abc')).toBe(false);
    expect(tokenMatches('ä', 'a')).toBe(false);
  });
});

describe('judgeOrigin', () => {
  it('knows no Origin, extension origins and everything else', () => {
    expect(judgeOrigin(undefined, [])).toEqual({ kind: 'none' });
    expect(judgeOrigin('chrome-extension://abc', [])).toEqual({ kind: 'extension', origin: 'chrome-extension://abc' });
    expect(judgeOrigin('chrome-extension://abc', ['abc'])).toEqual({
      kind: 'extension',
      origin: 'chrome-extension://abc',
    });
    expect(judgeOrigin('chrome-extension://abd', ['abc'])).toEqual({
      kind: 'other-extension',
      origin: 'chrome-extension://abd',
    });
    expect(judgeOrigin('https://chrome-extension.example', [])).toEqual({ kind: 'refused' });
    expect(judgeOrigin('chrome-extension://abc.evil.example', [])).toEqual({ kind: 'refused' });
    expect(judgeOrigin('', [])).toEqual({ kind: 'refused' });
  });
});
