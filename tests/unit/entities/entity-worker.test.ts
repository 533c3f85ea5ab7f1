import { afterAll, describe, expect, it } from 'vitest';
import { call } from '../../../src/main/dispatch.ts';
import { tempSession } from '../../helpers/temp-session.ts';

const encode = (s: string) => new TextEncoder().encode(s);
/** A cheap scrypt for tests (the app's default is 2^17). */
const lockParams = { logN: 14, r: 8, p: 1 };

describe('the entity worker (issue 18)', () => {
  const machine = tempSession({ lockParams });
  afterAll(async () => {
    // The locked store is written back on close: wait for it before its folder goes.
    await machine.session.close();
    machine.cleanup();
  });

  it("reads a locked investigation's documents from its in-memory store and takes new alias groups", async () => {
    const h = machine.handlers;
    await call(h, 'investigations:create', { name: 'Locked entities' });
    await call(h, 'investigations:lock', { passphrase: 'river stone lantern 1987' });
    await call(h, 'documents:importData', {
      files: [
        { name: 'en.txt', data: encode('Gulbahar Jelilova was held in Urumqi in 2017. She was released in September 2018.') },
        { name: 'ru.txt', data: encode('Гульбахар Джалилова рассказала о лагере в Урумчи.') },
      ],
    });
    expect(await call(h, 'entities:extract', { wait: true })).toMatchObject({ done: 2, total: 2 });
    const places = await call(h, 'entities:list', { type: 'place' });
    expect(places.find((e) => e.label === 'Ürümqi')).toMatchObject({ documents: 2 });
    const timeline = await call(h, 'timeline:get', {});
    expect(timeline.events.map((e) => e.date)).toEqual(expect.arrayContaining(['2017', '2018-09']));

    // A new alias group reaches the worker: the two spellings become one entity once read again.
    await call(h, 'aliases:add', { names: ['Gulbahar Jelilova', 'Гульбахар Джалилова'] });
    await call(h, 'entities:extract', { wait: true, again: true });
    const people = await call(h, 'entities:list', { type: 'person' });
    expect(people.find((e) => e.label === 'Gulbahar Jelilova')).toMatchObject({ documents: 2 });
  });
});
