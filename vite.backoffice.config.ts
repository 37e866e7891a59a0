import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The back office web app, served by the portal under /backoffice/ (src/portal/backoffice/back-office-app.ts). */
export default defineConfig({
  root: fileURLToPath(new URL('./src/backoffice', import.meta.url)),
  base: '/backoffice/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/backoffice', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    // Everything as files: the page's policy allows no inline script or style, and no data: fonts.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
