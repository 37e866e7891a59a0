import type { PackageReader } from '../../../shared/content/package-verification.js';

/**
 * Reads a package from the portal over HTTP. A body is never read past the signed size plus one
 * byte (the request is aborted), and every byte received is reported for the download progress.
 */
export function httpPackageReader(
  urlOf: (path: string) => URL,
  fetchImpl: typeof fetch,
  known: Map<string, Uint8Array>,
  onBytes: (count: number) => void,
  timeoutMs = 60_000,
): PackageReader {
  return {
    async read(path, maxBytes) {
      const cached = known.get(path);
      if (cached) return cached.subarray(0, maxBytes + 1);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      try {
        const response = await fetchImpl(urlOf(path), { signal: controller.signal });
        if (response.status === 404) return null;
        if (!response.ok || !response.body) throw new Error(`the portal answered ${response.status} for ${path}`);
        const chunks: Uint8Array[] = [];
        let length = 0;
        const reader = response.body.getReader();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          chunks.push(value);
          length += value.length;
          onBytes(value.length);
          if (length > maxBytes) {
            controller.abort();
            break;
          }
        }
        return concat(chunks, length).subarray(0, maxBytes + 1);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
