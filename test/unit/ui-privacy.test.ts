/** The privacy policy on the options page: in the page's language, naming the proxy that is really used. */
import { beforeEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createSSRApp, h } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createPinia, setActivePinia } from 'pinia';
import PrivacySection from '../../entrypoints/options/sections/PrivacySection.vue';
import { setLanguage, translate } from '../../lib/i18n';
import { useStatusStore } from '../../lib/stores/status';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { StatusSnapshot } from '../../lib/background-requests';

const render = () => renderToString(createSSRApp({ render: () => h(PrivacySection) }));

beforeEach(() => {
  setActivePinia(createPinia());
  setLanguage('nl');
});

describe('the privacy section', () => {
  it('tells what is stored, what is sent to whom, and what never happens, in Dutch and in English', async () => {
    useStatusStore().status = {
      settings: { ...DEFAULT_SETTINGS, proxyUrl: 'https://proxy.example.nl' },
    } as StatusSnapshot;
    const nl = await render();
    for (const heading of ['Wat wordt bewaard, en waar', 'Wat wordt verstuurd, en naar wie', 'Wat niet gebeurt'])
      expect(nl).toContain(heading);
    expect(nl).toContain('(nu https://proxy.example.nl)');
    setLanguage('en');
    const en = await render();
    expect(en).toContain('What is sent, and to whom');
    expect(en).toContain('(now https://proxy.example.nl)');
    expect(en).toContain('No analytics, no tracking');
  });

  it('says the same as the policy published with the store listing (store/privacy.md)', () => {
    const published = readFileSync('store/privacy.md', 'utf8');
    for (const lang of ['nl', 'en'] as const)
      for (const part of ['stored', 'sent', 'not', 'rights'])
        expect(published, `${lang} ${part}`).toContain(translate(lang, `privacy.${part}Heading`));
  });
});
