/**
 * The preload: exposes `window.dossier`, built from the contract's channel and event lists and
 * nothing else. It is bundled as one CommonJS file (a sandboxed preload cannot load ES modules).
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { CHANNELS, EVENT_NAMES, type DossierApi } from '../shared/contract.ts';

const channels = new Set<string>(CHANNELS);
const events = new Set<string>(EVENT_NAMES);

const api = {
  invoke(channel, input) {
    if (!channels.has(channel)) return Promise.resolve({ ok: false, error: { code: 'BAD_INPUT', message: 'Unknown request.' } });
    return ipcRenderer.invoke(channel, input);
  },
  on(event, listener) {
    if (!events.has(event)) return () => undefined;
    const wrapped = (_event: unknown, payload: unknown) => listener(payload as never);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
  pathForFile(file) {
    try {
      return file instanceof File ? webUtils.getPathForFile(file) : '';
    } catch {
      return '';
    }
  },
} satisfies DossierApi;

contextBridge.exposeInMainWorld('dossier', api);
