import { afterEach, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { tempSession, type TempSession } from '../../helpers/temp-session.ts';

describe('app:info (About)', () => {
  let t: TempSession;
  afterEach(() => t.cleanup());

  it('answers with no investigation open: the app version and the runtime this process runs on', async () => {
    t = tempSession();
    const info = await call(t.handlers, 'app:info', {});
    expect(info.versions.node).toBe(process.versions.node);
    expect(typeof info.appVersion).toBe('string');
    // Under Node (tests, CLI) there is no Electron or Chromium to report, so neither is invented.
    expect(info.versions.electron).toBeUndefined();
    expect(info.versions.chrome).toBeUndefined();
  });
});
