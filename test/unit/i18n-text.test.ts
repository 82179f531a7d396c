/** Words stored by key: the sync log reads in either language, old written-out records still read. */
import { describe, expect, it } from 'vitest';
import { WorkspaceDb, type SyncRun } from '../../lib/db';
import { say, text, translate } from '../../lib/i18n/translate';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { IMPORT_STEPS, runSync, saveSettings } from '../../lib/sync/index';
import { describeError } from '../../lib/sync/texts';
import { EBoekhoudenError } from '../../lib/eboekhouden/errors';
import { FakeEBoekhouden, fakeData } from '../helpers/sync-fake-api';

let dbCount = 0;
const newDb = () => new WorkspaceDb(`i18n-text-${process.pid}-${Date.now()}-${dbCount++}`);

describe('translate with parameters that are words of their own', () => {
  it('puts a nested key, a written-out pair and plain values into the chosen language', () => {
    const words = text('invoice.noLines', { record: text('record.workOrder', { number: 'WO-7' }) });
    expect(translate('nl', words.key, words.params)).toBe(
      'Werkbon WO-7: er staan geen regels op. Voeg minstens één uren- of materiaalregel toe.',
    );
    expect(say('en', words)).toBe('Work order WO-7: there are no lines. Add at least one hour or material line.');
    const old = text('invoice.noLines', { record: { nl: 'Nieuwe factuur', en: 'New invoice' } });
    expect(say('nl', old)).toMatch(/^Nieuwe factuur: /);
    expect(say('en', old)).toMatch(/^New invoice: /);
  });

  it('reads a record written before words were stored by key, and a plain string as is', () => {
    expect(say('nl', { nl: 'Oude melding', en: 'Old notice' })).toBe('Oude melding');
    expect(say('en', { nl: 'Oude melding', en: 'Old notice' })).toBe('Old notice');
    expect(say('en', { nl: 'Alleen Nederlands', en: '' })).toBe('Alleen Nederlands');
    expect(say('nl', 'Work order 12')).toBe('Work order 12');
    expect(say('nl', undefined)).toBe('');
  });

  it('keeps the detail of an e-Boekhouden refusal as a parameter, in both languages', () => {
    const e = describeError(
      new EBoekhoudenError('Template not found', { kind: 'validation', code: 'FACT_018', operation: 'createInvoice' }),
    );
    expect(e).toMatchObject({ kind: 'validation', code: 'FACT_018', key: 'error.withDetail' });
    expect(e.params).toEqual({ text: { key: 'error.kind.validation' }, detail: 'Template not found' });
    expect(say('nl', e)).toBe(
      'e-Boekhouden heeft de gegevens geweigerd. Pas het record aan en probeer het opnieuw. (Template not found)',
    );
    expect(say('en', e)).toBe('e-Boekhouden refused the data. Correct the record and try again. (Template not found)');
  });
});

describe('the sync log', () => {
  it('stores key and parameters only, so a run logged in Dutch reads in English after a switch', async () => {
    const db = newDb();
    await saveSettings(db, { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 'token-for-tests' } });
    const data = fakeData({ products: 6 });
    const api = new FakeEBoekhouden(data, { kind: 'soap' });
    api.corruptProducts.add(data.products[2].id);
    await runSync({ db, trigger: 'manual', createApi: () => api, steps: IMPORT_STEPS });
    const [stored] = await db.syncLog.toArray();
    const problem = stored.problems.find((p) => p.code === 'REJECTED')!;
    expect(problem).toMatchObject({ step: 'products', key: 'import.rejected' });
    expect(problem).not.toHaveProperty('nl');
    expect(problem).not.toHaveProperty('en');
    expect(say('nl', problem)).toMatch(/^Dit record van e-Boekhouden is ongeldig en is overgeslagen: .+\. De overige/);
    expect(say('en', problem)).toMatch(/^This record from e-Boekhouden is invalid and was skipped: .+\. The other/);
    db.close();
    await db.delete();
  });

  it('still shows a run written by the version that stored both languages', async () => {
    const db = newDb();
    const old: SyncRun = {
      trigger: 'alarm',
      startedAt: 1,
      endedAt: 2,
      result: 'failed',
      steps: [],
      problems: [
        { step: 'customers', record: 'Customer K1 (Jansen)', code: 'X', nl: 'Oud probleem', en: 'Old problem' },
      ],
      error: { kind: 'auth', code: 'E001.1', nl: 'Oude fout', en: 'Old error' },
    };
    const id = await db.syncLog.add(old);
    const read = (await db.syncLog.get(id))!;
    expect(say('en', read.problems[0])).toBe('Old problem');
    expect(say('nl', read.problems[0].record)).toBe('Customer K1 (Jansen)');
    expect(say('nl', read.error)).toBe('Oude fout');
    db.close();
    await db.delete();
  });
});
