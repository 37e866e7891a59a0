import { contextBridge, ipcRenderer } from 'electron';
import { createKioskApi } from '../../shared/kiosk-api.js';
import type { Result } from '../../shared/result.js';

// One named function per contract channel; the page never receives ipcRenderer or an event object.
contextBridge.exposeInMainWorld(
  'kiosk',
  createKioskApi((channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>),
);
