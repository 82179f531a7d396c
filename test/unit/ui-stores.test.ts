/**
 * The pages' Pinia stores: the status arrives over a runtime port when it changes (no polling),
 * the page listens again after the worker stopped, and each settings form keeps its own draft
 * that starts afresh from the saved settings when the form is shown again.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { createPinia, setActivePinia } from 'pinia';
import { useStatusStore } from '../../lib/stores/status';
import { useSettingsDraftStore } from '../../lib/stores/settings-draft';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { STATUS_PORT, type StatusSnapshot } from '../../lib/background-requests';

function snapshot(patch: Partial<StatusSnapshot> = {}): StatusSnapshot {
  return {
    settings: { ...DEFAULT_SETTINGS, connection: { kind: 'token', apiToken: 'x' } },
    connection: { status: 'ok' },
    syncing: false,
    failedExports: 0,
    pendingExports: 0,
    administrations: [],
    health: 'fine',
    ...patch,
  };
}

/** A runtime port as the page sees it; the fake browser has none. */
function fakePort(name: string) {
  const onMessage: ((m: unknown) => void)[] = [];
  const onDisconnect: (() => void)[] = [];
  return {
    name,
    disconnected: false,
    onMessage: { addListener: (cb: (m: unknown) => void) => onMessage.push(cb) },
    onDisconnect: { addListener: (cb: () => void) => onDisconnect.push(cb) },
    disconnect() {
      this.disconnected = true;
    },
    /** The background posts. */
    post: (m: unknown) => onMessage.forEach((cb) => cb(m)),
    /** The worker stopped. */
    drop: () => onDisconnect.forEach((cb) => cb()),
  };
}

let ports: ReturnType<typeof fakePort>[];
let requests: unknown[];

beforeEach(() => {
  fakeBrowser.reset();
  setActivePinia(createPinia());
  vi.useFakeTimers();
  ports = [];
  requests = [];
  vi.spyOn(fakeBrowser.runtime, 'connect').mockImplementation(((info: { name: string }) => {
    const port = fakePort(info.name);
    ports.push(port);
    return port;
  }) as never);
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (request: unknown) => {
    requests.push(request);
    if ((request as { type: string }).type === 'status') return { ok: true, data: snapshot() };
    if ((request as { type: string }).type === 'saveSettings')
      return { ok: true, data: { ok: true, settings: (request as { settings: unknown }).settings } };
    return { ok: true, data: { ok: true } };
  }) as never);
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the status store', () => {
  it('asks once, then hears every change over the status port, without polling', async () => {
    const store = useStatusStore();
    const stop = store.listen();
    await vi.advanceTimersByTimeAsync(0);
    expect(ports.map((p) => p.name)).toEqual([STATUS_PORT]);
    expect(requests).toEqual([{ type: 'status' }]);
    expect(store.status?.syncing).toBe(false);

    const running = snapshot({ syncing: true, progress: { running: true, step: 'customers', done: 5, updatedAt: 1 } });
    ports[0].post({ type: 'status', status: running });
    expect(store.status).toEqual(running);

    // A minute of a running sync: no requests from the page.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(requests).toHaveLength(1);
    ports[0].post({ type: 'something else' });
    expect(store.status).toEqual(running);
    stop();
  });

  it('one port per page, however many components listen, closed when the last one stops', async () => {
    const store = useStatusStore();
    const stopApp = store.listen();
    const stopOther = store.listen();
    expect(ports).toHaveLength(1);
    stopOther();
    stopOther();
    expect(ports[0].disconnected).toBe(false);
    stopApp();
    expect(ports[0].disconnected).toBe(true);
  });

  it('listens again a second after the worker stopped, which starts it, and asks once', async () => {
    const store = useStatusStore();
    const stop = store.listen();
    await vi.advanceTimersByTimeAsync(0);
    ports[0].drop();
    await vi.advanceTimersByTimeAsync(999);
    expect(ports).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(ports).toHaveLength(2);
    expect(requests).toHaveLength(2);
    ports[1].post({ type: 'status', status: snapshot({ health: 'attention' }) });
    expect(store.status?.health).toBe('attention');
    stop();
    ports[1].drop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(ports).toHaveLength(2);
  });

  it('shows an unreachable background as an error, and clears it with the next status', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockResolvedValueOnce(undefined as never);
    const store = useStatusStore();
    const stop = store.listen();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.error?.kind).toBe('extension');
    ports[0].post({ type: 'status', status: snapshot() });
    expect(store.error).toBeUndefined();
    stop();
  });
});

describe('what the pages ask of the background', () => {
  it('goes through the status store as typed messages', async () => {
    const store = useStatusStore();
    await store.refresh();
    requests = [];
    await store.syncNow();
    await store.syncNow(true);
    await store.cancelSync();
    await store.saveLanguage('nl'); // already the saved language: nothing to send
    await store.saveLanguage('en');
    await store.exportsChanged();
    expect(requests).toEqual([
      { type: 'syncNow' },
      { type: 'syncNow', refresh: true },
      { type: 'cancelSync' },
      { type: 'saveSettings', settings: { ...snapshot().settings, language: 'en' } },
      { type: 'refreshBadge' },
    ]);
  });
});

describe('the settings draft stores', () => {
  it('each form has its own draft; a form shown again starts from the saved settings', async () => {
    const popup = useSettingsDraftStore('popup');
    const options = useSettingsDraftStore('connection');
    popup.load(DEFAULT_SETTINGS);
    options.load(DEFAULT_SETTINGS);
    popup.draft.apiToken = 'typed in the popup';
    expect(options.draft.apiToken).toBe('');

    await options.save();
    expect(options.result).toEqual({ kind: 'ok', key: 'common.saved' });
    expect(requests.at(-1)).toEqual({ type: 'status' }); // the page shows the saved state at once

    options.reset();
    expect(options.loaded).toBe(false);
    expect(options.result).toBeUndefined();
    expect(popup.loaded).toBe(true);
  });

  it('a field being edited loses its old error at once, so the Save button does not move under the click', async () => {
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation((async (request: { type: string }) =>
      request.type === 'saveSettings'
        ? {
            ok: true,
            data: { ok: false, errors: { 'connection.apiToken': 'settings.error.apiTokenRequired', proxyUrl: 'x' } },
          }
        : { ok: true, data: snapshot() }) as never);
    const popup = useSettingsDraftStore('popup');
    popup.load(DEFAULT_SETTINGS);
    await popup.save();
    expect(Object.keys(popup.errors)).toEqual(['connection.apiToken', 'proxyUrl']);
    popup.clearError('connection.apiToken');
    expect(popup.errors).toEqual({ proxyUrl: 'x' });
    popup.clearError('connection.apiToken');
    expect(popup.errors).toEqual({ proxyUrl: 'x' });
  });

  it('stores another proxy before asking for its permission, so a prompt that closes the popup loses nothing', async () => {
    const order: string[] = [];
    vi.mocked(fakeBrowser.runtime.sendMessage).mockImplementation((async (request: {
      type: string;
      settings?: unknown;
    }) => {
      order.push(`send:${request.type}`);
      if (request.type === 'saveSettings') return { ok: true, data: { ok: true, settings: request.settings } };
      return { ok: true, data: snapshot() };
    }) as never);
    // Firefox: the prompt closes the popup; the page never hears the answer.
    fakeBrowser.permissions.request = vi.fn(() => {
      order.push('permission');
      return new Promise<boolean>(() => undefined);
    }) as never;
    const popup = useSettingsDraftStore('popup');
    popup.load(DEFAULT_SETTINGS);
    popup.draft.proxyUrl = 'https://proxy.example.nl';
    void popup.save();
    expect(order).toEqual(['send:saveSettings', 'permission']);
    expect(fakeBrowser.permissions.request).toHaveBeenCalledWith({ origins: ['https://proxy.example.nl/*'] });
    const sent = (vi.mocked(fakeBrowser.runtime.sendMessage).mock.calls[0][0] as { settings: { proxyUrl: string } })
      .settings;
    expect(sent.proxyUrl).toBe('https://proxy.example.nl');
  });

  it('says the proxy was saved without access when the permission is refused', async () => {
    fakeBrowser.permissions.request = vi.fn(async () => false) as never;
    const popup = useSettingsDraftStore('popup');
    popup.load(DEFAULT_SETTINGS);
    popup.draft.proxyUrl = 'https://proxy.example.nl/';
    await popup.save();
    expect(popup.result).toEqual({
      kind: 'error',
      key: 'connection.savedWithoutAccess',
      params: { origin: 'https://proxy.example.nl' },
    });
    expect(requests.some((r) => (r as { type: string }).type === 'saveSettings')).toBe(true);
  });
});
