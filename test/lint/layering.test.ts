import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the layering rule bites: each fixture is linted with the project's real ESLint
 * configuration as if it stood at the given path.
 */
const eslint = new ESLint({ cwd: process.cwd() });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((message) => message.fatal);
  expect(fatal, JSON.stringify(fatal)).toEqual([]);
  return result!.messages.filter((message) => message.ruleId === 'kiosk/layering').map((message) => message.message);
}

describe('layering lint rule', () => {
  it('fails an electron import in src/main/core', async () => {
    const errors = await layeringErrors('src/main/core/host.ts', "import { app } from 'electron';\nexport const name = app.getName();\n");
    expect(errors).toEqual(["core may not import the package 'electron'"]);
  });

  it('fails a react import anywhere in src/main', async () => {
    for (const file of ['src/main/core/host.ts', 'src/main/loopback/server.ts', 'src/main/electron-main/main.ts', 'src/main/launcher/start.ts']) {
      const errors = await layeringErrors(file, "import { useState } from 'react';\nexport const hook = useState;\n");
      expect(errors, file).toHaveLength(1);
      expect(errors[0]).toMatch(/may not import the package 'react'/);
    }
  });

  it('fails an electron import in the launcher, which must run where Electron is missing', async () => {
    const errors = await layeringErrors('src/main/launcher/start.ts', "import electron from 'electron';\nexport default electron;\n");
    expect(errors).toEqual(["launcher may not import the package 'electron'"]);
  });

  it('fails the renderer or shared code reaching into src/main', async () => {
    expect(
      await layeringErrors('src/renderer/App.tsx', "import { startKioskHost } from '../main/core/host.js';\nexport default startKioskHost;\n"),
    ).toEqual(["renderer may not import from core ('../main/core/host.js'); see design/architecture.md"]);
    expect(
      await layeringErrors('src/shared/contract/result.ts', "export { Catalogue } from '../../main/core/catalogue.js';\n"),
    ).toEqual(["shared may not import from core ('../../main/core/catalogue.js'); see design/architecture.md"]);
  });

  it('keeps src/shared pure: no Node built-ins, no packages but zod and libphonenumber-js', async () => {
    expect(await layeringErrors('src/shared/contract/result.ts', "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n")).toEqual([
      "shared runs without Node and may not import 'node:fs'",
    ]);
    expect(await layeringErrors('src/shared/contract/result.ts', "import Database from 'better-sqlite3';\nexport default Database;\n")).toEqual([
      "shared may not import the package 'better-sqlite3'",
    ]);
  });

  it('lets a layer import what architecture.md allows it', async () => {
    expect(
      await layeringErrors(
        'src/main/core/host.ts',
        "import { ipcContract } from '../../shared/contract/ipc.js';\nimport { join } from 'node:path';\nexport const x = [ipcContract, join];\n",
      ),
    ).toEqual([]);
    expect(
      await layeringErrors('src/renderer/App.tsx', "import { LANGUAGES } from '../shared/domain/languages.js';\nexport const x = LANGUAGES;\n"),
    ).toEqual([]);
  });
});
