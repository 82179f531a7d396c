/** The toolbar button's badge and title for a health state. */
import { browser } from 'wxt/browser';
import type { Health } from '../../lib/background-requests';
import { BADGE } from '../../lib/health';
import { translate, type Language } from '../../lib/i18n/translate';

/** MV3 has `action`; Firefox's MV2 build has `browserAction` with the same badge calls. */
function toolbarButton(): typeof browser.action {
  return browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
}

export async function showBadge(health: Health, lang: Language): Promise<void> {
  const look = BADGE[health];
  const action = toolbarButton();
  await action.setBadgeText({ text: look.text });
  await action.setBadgeBackgroundColor({ color: look.color });
  await action.setTitle({ title: `${translate(lang, 'app.name')} — ${translate(lang, `health.${health}`)}` });
}
