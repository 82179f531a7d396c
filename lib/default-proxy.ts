/**
 * The proxy the extension reaches out of the box: its default proxy URL, and the one host the
 * manifest grants (wxt.config.ts). `npm start` runs it on LOCAL_PROXY_URL. A build made with
 * BC_PROXY_URL set (the e2e tests and the bench build for a free port) has that URL instead;
 * in Node (tests, tools) it is LOCAL_PROXY_URL. No imports: the popup loads this.
 */
declare const __BC_PROXY_URL__: string | undefined;

export const LOCAL_PROXY_URL = 'http://127.0.0.1:8787';

export const DEFAULT_PROXY_URL: string =
  typeof __BC_PROXY_URL__ === 'string' && __BC_PROXY_URL__ ? __BC_PROXY_URL__ : LOCAL_PROXY_URL;
