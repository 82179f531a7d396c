/**
 * `GET /soap.asmx?wsdl`: the live WSDL (a copy of ../shared/eboekhouden/soap.wsdl shipped beside this
 * file, so the sandbox needs nothing outside its folder). As ASMX does, the service address in it is
 * the one the request came to, so a SOAP client that loads it talks to this sandbox.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

const LIVE_ADDRESS = /location="https?:\/\/soap\.e-boekhouden\.nl\/soap\.asmx"/g;
let wsdl: string | undefined;

export function wsdlText(): string {
  wsdl ??= readFileSync(fileURLToPath(new URL('./soap.wsdl', import.meta.url)), 'utf8');
  return wsdl;
}

/** The WSDL for `?wsdl` (any casing, no value); undefined for every other GET. */
export function wsdlResponse(c: Context): Response | undefined {
  const url = new URL(c.req.url);
  if (![...url.searchParams.keys()].some((k) => k.toLowerCase() === 'wsdl')) return undefined;
  const body = wsdlText().replace(LIVE_ADDRESS, `location="${url.origin}/soap.asmx"`);
  return new Response(body, { status: 200, headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
}
