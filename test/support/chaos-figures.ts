import { spawnSync } from 'node:child_process';

/** Runs one of the chaos scripts with Node 24 and reads the figures it prints, one JSON line each, by name. */
export function runChaosScript(script: string, env: Record<string, string>, timeoutMs: number) {
  const run = spawnSync(process.execPath, [script], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: timeoutMs });
  const figures = Object.fromEntries(
    run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { name: string; value: number })
      .map((figure) => [figure.name, figure.value]),
  );
  return { status: run.status, stderr: run.stderr, figures };
}
