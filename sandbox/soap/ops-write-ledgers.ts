/** AddGrootboekrekening and UpdateGrootboekrekening, validated with e-Boekhouden's own codes (SOAP.md §5). */
import type { SbLedger } from '../store';
import { defineOperation, SoapError } from './operation';
import { el, type Fields } from './xml';

// ---------------------------------------------------------------- ledgers

function readLedger(f: Fields | undefined) {
  return {
    id: f?.long('ID') ?? 0,
    code: f?.str('Code').trim() ?? '',
    description: f?.str('Omschrijving') ?? '',
    category: f?.str('Categorie').trim() ?? '',
    group: f?.str('Groep') ?? '',
  };
}
type LedgerInput = ReturnType<typeof readLedger>;

/** CGN003 code missing, CGB002 description, CGB005 category missing, CGB006 not VW/BAL; `.1` for Update. */
function validateLedger(input: LedgerInput, suffix: '' | '.1'): void {
  if (!input.code) throw new SoapError(`CGN003${suffix}`, 'Code is required');
  if (!input.description.trim()) throw new SoapError(`CGB002${suffix}`, 'Omschrijving is required');
  if (!input.category) throw new SoapError(`CGB005${suffix}`, 'Categorie is required');
  if (input.category !== 'VW' && input.category !== 'BAL')
    throw new SoapError(`CGB006${suffix}`, 'Categorie must be VW or BAL');
}

export const addGrootboekrekening = defineOperation({
  name: 'AddGrootboekrekening',
  write: true,
  session: true,
  shape: { kind: 'result', defaults: [el('Gb_ID', 0)] },
  read: (f) => ({ gb: readLedger(f.child('oGb')) }),
  run(req, { ctx }) {
    const input = req.gb;
    if (!input.code) throw new SoapError('CGN003', 'Code is required');
    if (ctx.store.ledgerByCode(input.code)) throw new SoapError('CGB001', 'Code is not available');
    validateLedger(input, '');
    const ledger = ctx.store.addLedger({
      code: input.code,
      description: input.description,
      category: input.category,
      group: input.group,
    });
    return [el('Gb_ID', ledger.id)];
  },
});

export const updateGrootboekrekening = defineOperation({
  name: 'UpdateGrootboekrekening',
  write: true,
  session: true,
  shape: { kind: 'cError' },
  read: (f) => ({ gb: readLedger(f.child('oGb')) }),
  run(req, { ctx }) {
    const input = req.gb;
    const existing: SbLedger | undefined =
      ctx.store.ledgers.get(input.id) ?? (input.id ? undefined : ctx.store.ledgerByCode(input.code));
    if (!existing) throw new SoapError('CGB001.1', 'Grootboekrekening not found');
    validateLedger(input, '.1');
    // The sandbox does not renumber ledgers: another code counts as "not available" [I].
    if (input.code !== existing.code) throw new SoapError('CGB001.1', 'Code is not available');
    existing.description = input.description;
    existing.category = input.category;
    if (input.group) existing.group = input.group;
    ctx.store.touch();
    return [];
  },
});
