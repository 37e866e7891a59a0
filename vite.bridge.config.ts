import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The browser shell's page script: one classic script that runs before the app and installs window.kiosk. */
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('./dist/bridge', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    lib: {
      entry: fileURLToPath(new URL('./src/main/loopback-page/kiosk-bridge.ts', import.meta.url)),
      formats: ['iife'],
      name: 'kioskBridge',
      fileName: () => 'kiosk-bridge.js',
    },
  },
});
