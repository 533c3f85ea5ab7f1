// `node --import ./register.mjs out/main/index.js`: every `import … from 'electron'` in the built
// main process reaches the recording stand-in beside this file (tests/unit/electron/startup.test.ts).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
