/** OpenSession, OpenSessionSub, CloseSession, AutoLogin and GetAdministraties (SOAP.md §2). */
import { randomBytes } from 'node:crypto';
import type { SandboxContext } from '../faults';
import { defineOperation, defineRead, sessionError } from './operation';
import { administrationRecord, list } from './records';
import { closeSoapSession, openSoapSession } from './sessions';
import { el } from './xml';

/** Username + SecurityCode1 wrong → E001.1; only SecurityCode2 wrong → E001.3. */
function checkCredentials(ctx: SandboxContext, username: string, code1: string, code2: string): void {
  const { config } = ctx;
  if (username !== config.username || code1 !== config.securityCode1) throw sessionError('E001.1');
  if (code2 !== config.securityCode2) throw sessionError('E001.3');
}

export const openSession = defineOperation({
  name: 'OpenSession',
  write: false,
  session: false,
  shape: { kind: 'result', defaults: [el('SessionID', '')] },
  read: (f) => ({
    username: f.str('Username'),
    code1: f.str('SecurityCode1'),
    code2: f.str('SecurityCode2'),
    source: f.str('Source'),
  }),
  run(req, { ctx }) {
    checkCredentials(ctx, req.username, req.code1, req.code2);
    return [el('SessionID', openSoapSession(ctx))];
  },
});

export const openSessionSub = defineOperation({
  name: 'OpenSessionSub',
  write: false,
  session: false,
  shape: { kind: 'result', defaults: [el('SessionID', '')] },
  read: (f) => ({
    username: f.str('Username'),
    code1: f.str('SecurityCode1'),
    code2: f.str('SecurityCode2'),
    source: f.str('Source'),
    guid: f.str('AdministratieGUID'),
  }),
  run(req, { ctx }) {
    checkCredentials(ctx, req.username, req.code1, req.code2);
    if (!ctx.config.accountant) throw sessionError('E002.5');
    const wanted = req.guid.trim().toLowerCase();
    const administration = ctx.store.administrations.find((a) => a.guid.toLowerCase() === wanted);
    if (!administration) throw sessionError('E001.2');
    return [el('SessionID', openSoapSession(ctx, administration.guid))];
  },
});

export const closeSession = defineOperation({
  name: 'CloseSession',
  write: false,
  session: false,
  shape: { kind: 'none' },
  read: (f) => ({ sessionId: f.str('SessionID') }),
  run(req, { ctx }) {
    closeSoapSession(ctx, req.sessionId);
    return [];
  },
});

export const autoLogin = defineRead({
  name: 'AutoLogin',
  defaults: [el('Token', '')],
  read: (f) => ({ username: f.str('Username') }),
  run(req, { ctx }) {
    if (req.username !== ctx.config.username) throw sessionError('E001.1');
    return [el('Token', randomBytes(16).toString('hex').toUpperCase())];
  },
});

export const getAdministraties = defineRead({
  name: 'GetAdministraties',
  read: () => ({}),
  run(_req, { ctx }) {
    if (!ctx.config.accountant) throw sessionError('E002.5');
    return list('Administraties', ctx.store.administrations.map(administrationRecord), ctx.config);
  },
});
