/**
 * IPC fuzzing (issue 7): every contract channel called with hostile payloads, directly through
 * dispatch() and through registerIpc's wrapper with trusted and foreign senders. Each call must
 * come back as a typed rejection, the store must be unchanged to the byte, and Object.prototype clean.
 */
import { createHash } from 'node:crypto';
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, dispatch } from '../../src/main/dispatch.ts';
import { registerIpc } from '../../src/main/electron/ipc.ts';
import { CHANNELS, contract, type Channel } from '../../src/shared/contract.ts';
import { ERROR_CODES } from '../../src/shared/errors.ts';
import { currentGeneration } from '../../src/main/store/database.ts';
import { tempApp, writeFiles } from '../helpers/temp-workspace.ts';

const BIG = 'a'.repeat(50 * 1024 * 1024);
const TRAVERSAL_IDS = [
  '../',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  'a/../b',
  '/etc/passwd',
  'C:\\x',
  'id\u0000',
  '..',
];
const ID_KEYS = new Set(['id', 'ids', 'documentId', 'tagId', 'tagIds', 'parentId']);

/** Values of every kind a renderer could send (structured-clone-able), for wrong-type mutations. */
const WRONG_VALUES: unknown[] = [
  null,
  undefined,
  true,
  0,
  -1,
  42,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2n ** 70n,
  '',
  'x',
  BIG,
  {},
  [],
  [null],
  [BIG],
  new Date(0),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array(4),
  JSON.parse('{"__proto__": {"polluted": true}}'),
  deep(2000),
];

/** Whole payloads that are not the input object at all. */
const NON_OBJECTS: unknown[] = [
  undefined,
  null,
  0,
  42,
  -1,
  Number.NaN,
  'documents',
  BIG,
  true,
  [],
  [{}],
  [1, 2, 3],
  new Uint8Array(8),
  new Date(),
  new Map(),
  deep(5000),
  new (class Input {})(),
];

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

type Shape = Record<string, { safeParse(value: unknown): { success: boolean } }>;

function shapeOf(channel: Channel): Shape {
  return ((contract[channel].input as unknown as { shape?: Shape }).shape ?? {}) as Shape;
}

/** A value each field accepts on its own, so mutations differ from a plausible call in one place. */
function plausibleBase(channel: Channel): Record<string, unknown> {
  const candidates: unknown[] = [
    'fuzz-id',
    '/tmp/x.txt',
    1,
    2,
    true,
    ['fuzz-id'],
    [{ name: 'x.txt', data: new Uint8Array(1) }],
    '#aabbcc',
    {},
  ];
  const base: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shapeOf(channel))) {
    const value = candidates.find((c) => schema.safeParse(c).success);
    if (value !== undefined) base[key] = value;
  }
  return base;
}

interface Payload {
  label: string;
  input: unknown;
}

/** The hostile payloads for one channel. Wrong-type mutations the schema accepts (e.g. null for a nullable parent) are left out. */
function payloadsFor(channel: Channel): { payloads: Payload[]; acceptedLeftOut: number } {
  const schema = contract[channel].input;
  const base = plausibleBase(channel);
  const payloads: Payload[] = [];
  let acceptedLeftOut = 0;
  const must = (label: string, input: unknown) => payloads.push({ label, input });
  const mayBeValid = (label: string, input: unknown) => {
    if (schema.safeParse(input).success) acceptedLeftOut++;
    else payloads.push({ label, input });
  };

  NON_OBJECTS.forEach((input, i) => must(`non-object #${i}`, input));
  must('extra key', { ...base, extra: 1 });
  must('extra key with a 50 MB string', { ...base, x: BIG });
  must(
    'JSON __proto__ key',
    JSON.parse(
      `{${Object.keys(base).length ? `${JSON.stringify(base).slice(1, -1)},` : ''}"__proto__": {"polluted": true, "isAdmin": true}}`,
    ),
  );
  must('JSON constructor key', JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'));
  must('JSON prototype key', JSON.parse('{"prototype": {"polluted": true}}'));
  for (const key of Object.keys(base)) {
    const rest = { ...base };
    delete rest[key];
    mayBeValid(`missing ${key}`, rest);
    for (const [i, value] of WRONG_VALUES.entries()) mayBeValid(`${key} = wrong value #${i}`, { ...base, [key]: value });
    if (typeof base[key] === 'string') must(`${key} = 50 MB string`, { ...base, [key]: BIG });
    if (Array.isArray(base[key])) must(`${key} = [50 MB string]`, { ...base, [key]: [BIG] });
    if (ID_KEYS.has(key)) {
      for (const bad of TRAVERSAL_IDS)
        must(`${key} = ${JSON.stringify(bad)}`, { ...base, [key]: Array.isArray(base[key]) ? [bad] : bad });
    }
  }
  return { payloads, acceptedLeftOut };
}

function prototypeFingerprint(): string {
  const describe = (o: object) =>
    Object.getOwnPropertyNames(o)
      .sort()
      .map((k) => `${k}:${typeof Object.getOwnPropertyDescriptor(o, k)?.value}`)
      .join(',');
  return [describe(Object.prototype), describe(Array.prototype), describe(Function.prototype), describe(String.prototype)].join(
    '|',
  );
}

describe('IPC fuzzing', () => {
  let app: ReturnType<typeof tempApp>;
  let documentId: string;
  let passageId: string;
  let tagId: string;

  /** Every table's rows, hashed, plus the generation: "nothing written" to the byte. */
  function storeSnapshot(): string {
    const hash = createHash('sha256');
    const tables = app.workspace.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[];
    for (const { name } of tables) {
      hash.update(`#${name}\n`);
      const rows = app.workspace.db
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(row, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('hex') : v)));
      hash.update(rows.sort().join('\n'));
    }
    hash.update(`generation ${currentGeneration(app.workspace.db)}`);
    return hash.digest('hex');
  }

  beforeAll(async () => {
    app = tempApp();
    const text = 'The detainee said the guards woke them at five and questioned them for hours.';
    const summary = await call(app.handlers, 'documents:import', { paths: [writeFiles(app.dir, { 'testimony.txt': text })] });
    documentId = summary.imported[0]!.id;
    const passage = await call(app.handlers, 'passages:create', { documentId, start: 4, end: 12, tagNames: ['Interrogation'] });
    passageId = passage.id;
    tagId = (await call(app.handlers, 'tags:list', {}))[0]!.id;
  });
  afterAll(() => app.cleanup());

  const isTypedRejection = (result: unknown) => {
    const r = result as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
    return (
      r.ok === false &&
      (ERROR_CODES as readonly unknown[]).includes(r.error?.code) &&
      typeof r.error?.message === 'string' &&
      r.error.message.length < 500
    );
  };

  it('rejects every hostile payload on every channel, writes nothing and leaves prototypes alone', async () => {
    const before = storeSnapshot();
    const prototypes = prototypeFingerprint();
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
    const fakeIpcMain = {
      handle: (channel: string, h: (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>) => handlers.set(channel, h),
    };
    registerIpc(fakeIpcMain as unknown as IpcMain, app.handlers, {});
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    const trusted = { senderFrame: { url: 'app://dossier/index.html', parent: null } } as unknown as IpcMainInvokeEvent;

    let tried = 0;
    let leftOut = 0;
    const failures: string[] = [];
    for (const channel of CHANNELS) {
      const { payloads, acceptedLeftOut } = payloadsFor(channel);
      leftOut += acceptedLeftOut;
      for (const { label, input } of payloads) {
        for (const [how, result] of [
          ['dispatch', await dispatch(app.handlers, channel, input)],
          ['ipc', await handlers.get(channel)!(trusted, input)],
        ] as const) {
          tried++;
          if (!isTypedRejection(result))
            failures.push(`${channel} via ${how}, ${label}: ${JSON.stringify(result).slice(0, 200)}`);
        }
      }
    }
    for (const channel of [
      '__proto__',
      'constructor',
      'toString',
      'hasOwnProperty',
      '',
      'documents:import ',
      'DOCUMENTS:LIST',
      null,
      42,
      {},
    ]) {
      tried++;
      if (!isTypedRejection(await dispatch(app.handlers, channel, {}))) failures.push(`unknown channel ${String(channel)}`);
    }
    expect(failures).toEqual([]);
    expect(storeSnapshot()).toBe(before);
    expect(prototypeFingerprint()).toBe(prototypes);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    console.log(
      `IPC fuzz: ${tried} hostile calls over ${CHANNELS.length} channels, all typed rejections (${leftOut} wrong-type mutations left out because the schema accepts them)`,
    );
    expect(tried).toBeGreaterThan(1000);
  });

  it('refuses even valid, destructive calls from a foreign sender, a sub-frame or a destroyed frame', async () => {
    const before = storeSnapshot();
    const handlers = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => Promise<unknown>>();
    registerIpc({ handle: (c: string, h: never) => handlers.set(c, h) } as unknown as IpcMain, app.handlers, {});
    const top = { url: 'app://dossier/index.html', parent: null };
    const senders = [
      { url: 'https://evil.example/', parent: null },
      { url: 'file:///tmp/evil.html', parent: null },
      { url: 'app://evil/index.html', parent: null },
      { url: 'app://dossier/index.html', parent: top },
      { url: 'data:text/html,<script>1</script>', parent: top },
      { url: 'about:blank', parent: top },
      { url: 'http://localhost:5173/', parent: null },
      null,
      undefined,
    ];
    const valid: Partial<Record<Channel, unknown>> = {
      'documents:delete': { ids: [documentId] },
      'passages:delete': { id: passageId },
      'tags:create': { name: 'Planted', parentId: tagId },
      'passages:create': { documentId, start: 20, end: 30, tagIds: [tagId] },
      'documents:importData': { files: [{ name: 'planted.txt', data: new TextEncoder().encode('planted text') }] },
      'documents:get': { id: documentId },
    };
    let tried = 0;
    for (const senderFrame of senders) {
      for (const channel of CHANNELS) {
        const input = valid[channel] ?? plausibleBase(channel);
        const result = (await handlers.get(channel)!({ senderFrame } as unknown as IpcMainInvokeEvent, input)) as {
          ok: boolean;
          error?: { code: string };
        };
        tried++;
        expect(result, `${channel} from ${JSON.stringify(senderFrame)}`).toEqual({
          ok: false,
          error: { code: 'FORBIDDEN', message: expect.any(String) },
        });
      }
    }
    expect(storeSnapshot()).toBe(before);
    console.log(`IPC fuzz: ${tried} calls from ${senders.length} foreign senders, all FORBIDDEN`);
  });
});
