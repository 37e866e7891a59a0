import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** A sandboxed preload may require only `electron`, so everything else is bundled into one CommonJS file. */
export default defineConfig({
  build: {
    outDir: fileURLToPath(new URL('./dist/preload', import.meta.url)),
    emptyOutDir: true,
    target: 'node22',
    minify: false,
    lib: {
      entry: fileURLToPath(new URL('./src/main/electron-preload/preload.ts', import.meta.url)),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rollupOptions: { external: ['electron'] },
  },
});
