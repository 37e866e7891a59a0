import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

/** In development the browser shell hands HTML to Vite, so Vite must add the bridge script itself. */
const kioskBridgeInDevelopment: Plugin = {
  name: 'kiosk-bridge-in-development',
  apply: 'serve',
  transformIndexHtml: () => [{ tag: 'script', attrs: { src: '/__kiosk/bridge.js' }, injectTo: 'head-prepend' }],
};

export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: '/',
  plugins: [react(), kioskBridgeInDevelopment],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
  },
});
