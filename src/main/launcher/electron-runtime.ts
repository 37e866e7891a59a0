import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Finds the Electron executable without requiring the `electron` package: requiring it in plain
 * Node starts a download when the runtime is missing, which on a closed network only hangs and fails.
 */
export function findElectronExecutable(projectRoot: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const packageFolder = join(projectRoot, 'node_modules', 'electron');
  const pathFile = join(packageFolder, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const candidate = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative ?? 'electron')
    : relative && join(packageFolder, 'dist', relative);
  return candidate && existsSync(candidate) ? candidate : undefined;
}
