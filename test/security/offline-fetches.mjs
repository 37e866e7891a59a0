// Loaded with `node --import` before Electronegativity: its HTTP client answers every request at
// once with a refusal, so the scan runs the same with no network. Without this, on a machine with
// no route to GitHub, the client's retry after a timeout throws from a timer and the process dies
// (after it has written the report, so a gate that reads only the report would pass a crash).
import Module from 'node:module';

const refuse = () => Promise.reject(Object.assign(new Error('offline: this scan makes no network requests'), { code: 'OFFLINE' }));
const offlineClient = Object.assign(refuse, { head: refuse, get: refuse, extend: () => offlineClient });

const load = Module._load;
Module._load = function loadOffline(request, parent, isMain) {
  if (request === 'got' && parent && parent.filename.includes('electronegativity')) return offlineClient;
  return load.call(this, request, parent, isMain);
};
