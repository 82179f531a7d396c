/** The administrations the API token may use: its own, or an accountant's linked ones. */
import { isEBoekhoudenError } from '../errors';
import type { Administration } from '../types';
import { compact } from '../validate';
import type { RestClient } from './client';
import { listAll } from './pages';
import * as wire from './wire';

function listAdministrationsAt(client: RestClient, pageSize: number, path: string): Promise<Administration[]> {
  return listAll(client, pageSize, {
    operation: `GET ${path}`,
    path,
    schema: wire.administration,
    map: (a) =>
      compact<Administration>({
        guid: a.guid,
        company: a.company,
        city: a.city,
        startYear: a.startYear == null ? undefined : String(a.startYear),
      }),
  });
}

/**
 * `/v1/administration` answers EP_001 to anyone who is not an accountant; `/linked` works for
 * everyone (a live observation the document does not show). The first that answers is used;
 * when neither does, the EP_001 stands, which callers read as "not an accountant".
 */
export async function listAdministrations(client: RestClient, pageSize: number): Promise<Administration[]> {
  try {
    return await listAdministrationsAt(client, pageSize, '/v1/administration');
  } catch (e) {
    if (!isEBoekhoudenError(e) || e.code !== 'EP_001') throw e;
    try {
      return await listAdministrationsAt(client, pageSize, '/v1/administration/linked');
    } catch (linked) {
      // Only e-Boekhouden refusing /linked as well (a 4xx of its own) leaves "not an accountant";
      // the connection failing (credentials, network, quota, session, a 5xx, a malformed answer) is that failure.
      const refused =
        isEBoekhoudenError(linked) &&
        linked.status !== undefined &&
        linked.status >= 400 &&
        linked.status < 500 &&
        !['auth', 'limit', 'session'].includes(linked.kind);
      throw refused ? e : linked;
    }
  }
}
