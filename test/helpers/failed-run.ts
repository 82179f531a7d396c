/**
 * A failed last run with a long error, written straight into the extension's syncLog, for the
 * popup tests (Chromium and Firefox) that check the glance still fits.
 */

/** A long Dutch error and its fix, longer than any the catalogue says. */
export const LONG_DUTCH_ERROR =
  'Het proxyadres klopt niet: de proxy kent dit verzoek niet en er is niets naar e-Boekhouden gestuurd. ' +
  'Vul alleen het adres van de proxy in, zoals http://127.0.0.1:8787, zonder pad. Controleer daarna ook of ' +
  'de proxy draait en of het proxytoken overeenkomt met PROXY_TOKEN van de proxy; de volgende synchronisatie ' +
  'probeert het vanzelf opnieuw, en in het synclogboek staat per stap wat er precies is gebeurd.';

/**
 * Runs in an extension page (pass it to `page.evaluate`): the latest syncLog record becomes a
 * failed run with `text` as its error, in both languages (the log keeps both for older records).
 * Self-contained, since the browser gets only its source.
 */
export async function failLastRun(text: string): Promise<void> {
  const db = await new Promise<IDBDatabase>((ok, fail) => {
    const r = indexedDB.open('boekhoud-companion');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const store = db.transaction('syncLog', 'readwrite').objectStore('syncLog');
  const all = await new Promise<{ startedAt: number }[]>((ok) => {
    const r = store.getAll();
    r.onsuccess = () => ok(r.result as { startedAt: number }[]);
  });
  const last = all.sort((a, b) => b.startedAt - a.startedAt)[0];
  await new Promise((ok) => {
    const r = store.put({ ...last, result: 'failed', error: { kind: 'network', nl: text, en: text } });
    r.onsuccess = ok;
  });
  db.close();
}
