/**
 * The one place the sync layer reaches the real transports (REST for a token, SOAP for
 * security codes). Imported statically because extension service workers forbid import().
 */
export { createEBoekhouden } from '../eboekhouden/index';
