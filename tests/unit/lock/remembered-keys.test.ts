import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../../src/main/dispatch.ts';
import { NO_KEYRING, type KeyProtector } from '../../../src/main/lock/remembered-keys.ts';
import type { InvestigationInfo } from '../../../src/shared/investigations.ts';
import { tempSession, type TempSession } from '../../helpers/temp-session.ts';

/** A keyring stand-in: XOR with a byte is enough to show the file never holds the key as it is. */
const keyring = (backend: 'gnome_libsecret' | 'basic_text'): KeyProtector => ({
  refusal: () => (backend === 'basic_text' ? NO_KEYRING : null),
  encrypt: (plain) => Buffer.from(Buffer.from(plain).map((b) => b ^ 0x5a)),
  decrypt: (sealed) => Buffer.from(Buffer.from(sealed).map((b) => b ^ 0x5a)),
});

describe('remember the key on this computer (issue 20)', () => {
  let machine: TempSession | undefined;
  afterEach(() => machine?.cleanup());

  async function lockedInvestigation(protector: KeyProtector): Promise<{ m: TempSession; info: InvestigationInfo }> {
    machine = tempSession({ lockParams: { logN: 14, r: 8, p: 1 }, keyProtector: protector });
    const info = (await call(machine.handlers, 'investigations:create', {
      name: 'Notes',
      passphrase: 'plum kettle harbour',
    })) as InvestigationInfo;
    await call(machine.handlers, 'investigations:close', {});
    return { m: machine, info };
  }

  it('is off by default; once asked, the investigation opens without the passphrase until forgotten', async () => {
    const { m, info } = await lockedInvestigation(keyring('gnome_libsecret'));
    expect(await dispatch(m.handlers, 'investigations:open', { id: info.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await call(m.handlers, 'investigations:unlock', { id: info.id, passphrase: 'plum kettle harbour', remember: true });
    await call(m.handlers, 'investigations:close', {});
    expect((await call(m.handlers, 'investigations:open', { id: info.id })) as InvestigationInfo).toMatchObject({
      id: info.id,
      current: true,
    });
    await call(m.handlers, 'investigations:close', {});
    expect(await call(m.handlers, 'investigations:forgetKey', { id: info.id })).toEqual({ forgotten: true });
    expect(await dispatch(m.handlers, 'investigations:open', { id: info.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('is refused where safeStorage would keep the key in plain text (Linux without a keyring)', async () => {
    const { m, info } = await lockedInvestigation(keyring('basic_text'));
    const refused = await dispatch(m.handlers, 'investigations:unlock', {
      id: info.id,
      passphrase: 'plum kettle harbour',
      remember: true,
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: NO_KEYRING } });
    expect(m.session.current()).toBeUndefined();
    expect(() => readFileSync(path.join(m.userDataDir, 'remembered-keys.json'))).toThrow();
  });
});
