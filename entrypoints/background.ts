import { defineBackground } from 'wxt/utils/define-background';

export default defineBackground(() => {
  // Wiring comes with the extension issue: alarm + message routing only.
});
