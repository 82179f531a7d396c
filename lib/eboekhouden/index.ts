import type { EBoekhouden, TransportOptions } from './api';
import { createRestTransport } from './rest';
import { createSoapTransport } from './soap';

export * from './api';
export * from './types';
export * from './errors';

/** An API token talks REST v1; username + security codes talk SOAP. */
export function createEBoekhouden(options: TransportOptions): EBoekhouden {
  return options.credentials.kind === 'token' ? createRestTransport(options) : createSoapTransport(options);
}
