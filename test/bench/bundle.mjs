import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const RENDERER = 'dist/renderer';

/**
 * The page's JavaScript as built: what its first load fetches and runs (the scripts index.html
 * names, module preloads included) and all of it, raw and gzipped at level 9. The first is what a
 * weak kiosk parses before its attract screen; the rest loads at idle.
 */
export function benchBundle(report) {
  const html = readFileSync(join(RENDERER, 'index.html'), 'utf8');
  const initial = new Set([...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((match) => match[1]));
  const all = readdirSync(join(RENDERER, 'assets')).filter((name) => name.endsWith('.js')).map((name) => `assets/${name}`);
  const sizes = (files) => {
    const bytes = files.map((file) => readFileSync(join(RENDERER, file)));
    return { raw: bytes.reduce((sum, b) => sum + b.length, 0), gzip: bytes.reduce((sum, b) => sum + gzipSync(b, { level: 9 }).length, 0) };
  };
  const first = sizes([...initial]);
  const whole = sizes(all);
  report('renderer_initial_js_gzip_kb', [first.gzip / 1000], 'kB', initial.size);
  report('renderer_initial_js_raw_kb', [first.raw / 1000], 'kB', initial.size);
  report('renderer_all_js_gzip_kb', [whole.gzip / 1000], 'kB', all.length);
}
