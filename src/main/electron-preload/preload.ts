import { contextBridge, ipcRenderer } from 'electron';
import { HOST_EVENT_CHANNEL } from '../../shared/contract/channels.js';
import { createEventHub, createKioskApi } from '../../shared/contract/kiosk-api.js';
import type { Result } from '../../shared/contract/result.js';

// One named function per contract channel and event; the page never receives ipcRenderer or an event object.
const hub = createEventHub();
ipcRenderer.on(HOST_EVENT_CHANNEL, (_event, name: unknown, payload: unknown) => {
  if (typeof name === 'string') hub.dispatch(name, payload);
});

contextBridge.exposeInMainWorld(
  'kiosk',
  createKioskApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>, hub.subscribe),
);
