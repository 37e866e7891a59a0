import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveBundleFile } from '../../../src/main/shell-common/renderer-bundle.js';

describe('renderer bundle paths', () => {
  it('maps the root and asset paths into the bundle', () => {
    expect(resolveBundleFile('/app/renderer', '/')).toBe('/app/renderer/index.html');
    expect(resolveBundleFile('/app/renderer', '/assets/index-1.js')).toBe('/app/renderer/assets/index-1.js');
    expect(resolveBundleFile('/app/renderer', '/assets/%D0%B0.png')).toBe('/app/renderer/assets/а.png');
  });

  it('refuses every path that leaves the bundle', () => {
    for (const path of ['/../x', '/assets/../../x', '/..%2F..%2Fetc%2Fpasswd', '/%2e%2e/x', '/a%00b', '/..\\x', '/%E0%A4%A', '/../renderer-other/x']) {
      expect(resolveBundleFile('/app/renderer', path), path).toBeNull();
    }
  });

  it('names the content types the page needs', () => {
    expect(contentTypeFor('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('a/x.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('a/x.unknown')).toBe('application/octet-stream');
  });
});
