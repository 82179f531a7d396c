import { defineBackground } from 'wxt/utils/define-background';
import { WorkspaceDb } from '../../lib/db';
import * as engine from '../../lib/sync/index';
import { createBackground, registerListeners } from './service';
import '../../lib/i18n/catalogue';

export default defineBackground({
  main() {
    const bg = createBackground({ db: new WorkspaceDb(), engine, log: (m) => console.info(`[sync] ${m}`) });
    registerListeners(bg, engine.describeError);
    void bg.start();
  },
});
