import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * Proves the layering rule holds: each fixture is linted with the project's real ESLint
 * configuration as if it stood at the given path. The fixtures' paths mostly do not exist, so type
 * information is switched off for them (the layering rule reads only the import statements).
 */
const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: tseslint.configs.disableTypeChecked });

async function layeringErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result!.messages.filter((message) => message.fatal);
  expect(fatal, JSON.stringify(fatal)).toEqual([]);
  return result!.messages.filter((message) => message.ruleId === 'kiosk/layering').map((message) => message.message);
}

type Case = [file: string, code: string];

/** Each case breaks one rule once; the message must say what the layer may import instead. */
async function expectRefused([file, code]: Case, allowed: string): Promise<void> {
  const errors = await layeringErrors(file, code);
  expect(errors, `${file}: ${code}`).toHaveLength(1);
  expect(errors[0], `${file}: ${code}`).toContain(allowed);
}

async function expectAllowed([file, code]: Case): Promise<void> {
  expect(await layeringErrors(file, code), `${file}: ${code}`).toEqual([]);
}

const importOf = (specifier: string) => `import { thing } from '${specifier}';\nexport default thing;\n`;

describe('src/shared stays pure TypeScript', () => {
  const at = 'src/shared/forms/rule.ts';
  const allowed = 'shared may import only src/shared and the packages zod, libphonenumber-js, re2js, not';

  it.each(['node:fs', 'fs', 'i18next', 'better-sqlite3', 'react', '../../main/core/host.js', '../../renderer/App.js'])('refuses %s', async (specifier) => {
    await expectRefused([at, importOf(specifier)], allowed);
  });

  it.each(['zod', 'libphonenumber-js/max', 're2js', '../domain/languages.js', '../locales/ky/forms.json'])('allows %s', async (specifier) => {
    await expectAllowed([at, importOf(specifier)]);
  });
});

describe('src/main/core is the host: Node, its own packages, no shell', () => {
  const at = 'src/main/core/content/content-service.ts';
  const allowed = 'core may import only src/main/core, src/shared, Node built-ins and the packages better-sqlite3, @hpke/core, pdfkit, qrcode, uuid, zod, libphonenumber-js, i18next, not';

  it.each(['electron', 'electron-updater', 'react', 'vite', 'pg', 'fastify', '../../electron-main/main.js', '../../loopback/server.js', '../../launcher/start.js', '../../shell-common/data-folder.js', '../../../portal/server.js'])(
    'refuses %s',
    async (specifier) => {
      await expectRefused([at, importOf(specifier)], allowed);
    },
  );

  it.each(['better-sqlite3', '@hpke/core', 'pdfkit', 'qrcode', 'uuid', 'zod', 'libphonenumber-js', 'i18next', 'node:fs', '../../../shared/contract/ipc.js'])('allows %s', async (specifier) => {
    await expectAllowed([at, importOf(specifier)]);
  });
});

describe('inside core, domains never reach the router or the composition root', () => {
  const domainRule = 'core/content (a domain) may import core except core/ipc (the router) and core/host.ts (the composition root), and src/shared, not';

  it.each([
    ['src/main/core/content/content-service.ts', importOf('../ipc/router.js')],
    ['src/main/core/content/content-service.ts', "import type { Router } from '../ipc/router.js';\nexport type R = Router;\n"],
    ['src/main/core/content/content-service.ts', importOf('../host.js')],
    ['src/main/core/content/content-service.ts', importOf('../ipc')],
    ['src/main/core/content/nested/reader.ts', importOf('../../host.js')],
  ] satisfies Case[])('refuses %s importing %s', async (file, code) => {
    await expectRefused([file, code], domainRule);
  });

  it('holds for every domain, today’s and later ones', async () => {
    for (const domain of ['applications', 'sync', 'printing', 'staff', 'audit', 'portal-client']) {
      await expectRefused([`src/main/core/${domain}/service.ts`, importOf('../ipc/router.js')], `core/${domain} (a domain) may import core except core/ipc`);
    }
  });

  it('refuses core’s shared root modules reaching the router, since domains import them', async () => {
    await expectRefused(['src/main/core/handlers.ts', importOf('./ipc/router.js')], "core's root modules may import core except core/ipc (the router) and core/host.ts");
  });

  it('refuses storage importing a domain, the router or the host', async () => {
    const storageRule = "core/storage may import only core/storage, core's root modules except host.ts, and src/shared, not";
    await expectRefused(['src/main/core/storage/database.ts', importOf('../content/content-store.js')], storageRule);
    await expectRefused(['src/main/core/storage/migrations/0009-next.ts', importOf('../../applications/outbox.js')], storageRule);
    await expectRefused(['src/main/core/storage/database.ts', importOf('../ipc/router.js')], storageRule);
    await expectRefused(['src/main/core/storage/database.ts', importOf('../host.js')], storageRule);
  });

  it.each([
    ['src/main/core/content/content-service.ts', importOf('../handlers.js')],
    ['src/main/core/content/content-service.ts', importOf('../logger.js')],
    ['src/main/core/content/content-service.ts', importOf('../storage/database.js')],
    ['src/main/core/sync/sync-engine.ts', importOf('../applications/outbox.js')],
    ['src/main/core/storage/migrations/index.ts', importOf('./0001-catalogue.js')],
    ['src/main/core/storage/database.ts', importOf('../logger.js')],
    ['src/main/core/host.ts', importOf('./ipc/router.js')],
    ['src/main/core/host.ts', importOf('./content/content-service.js')],
    ['src/main/core/host.ts', importOf('./storage/database.js')],
    ['src/main/core/ipc/router.ts', importOf('../content/content-handlers.js')],
    ['src/main/core/ipc/router.ts', importOf('../host.js')],
  ] satisfies Case[])('allows %s importing %s', async (file, code) => {
    await expectAllowed([file, code]);
  });
});

describe('shell-common and the loopback shell are Node without Electron or UI', () => {
  it.each([
    ['src/main/shell-common/host-config.ts', 'electron'],
    ['src/main/shell-common/host-config.ts', 'react'],
    ['src/main/shell-common/host-config.ts', 'vite'],
    ['src/main/shell-common/host-config.ts', '../loopback/server.js'],
    ['src/main/shell-common/host-config.ts', '../electron-main/main.js'],
  ])('refuses %s importing %s', async (file, specifier) => {
    await expectRefused([file, importOf(specifier)], 'shell-common may import only src/main/shell-common, src/main/core, src/shared, Node built-ins and the package zod, not');
  });

  it.each([
    ['src/main/loopback/server.ts', 'electron'],
    ['src/main/loopback/server.ts', 'react-dom'],
    ['src/main/loopback/server.ts', 'vite'],
    ['src/main/loopback/server.ts', '../launcher/start.js'],
    ['src/main/loopback/server.ts', '../loopback-page/kiosk-bridge.js'],
  ])('refuses %s importing %s', async (file, specifier) => {
    await expectRefused(
      [file, importOf(specifier)],
      'loopback may import only src/main/loopback, src/main/shell-common, src/main/core, src/shared, Node built-ins and the package zod, not',
    );
  });

  it.each([
    ['src/main/shell-common/host-config.ts', '../core/host.js'],
    ['src/main/shell-common/host-config.ts', 'node:os'],
    ['src/main/loopback/server.ts', '../shell-common/renderer-bundle.js'],
    ['src/main/loopback/server.ts', '../core/ipc/router.js'],
    ['src/main/loopback/server.ts', 'node:http'],
  ])('allows %s importing %s', async (file, specifier) => {
    await expectAllowed([file, importOf(specifier)]);
  });
});

describe('the page bridge runs in the page: DOM and src/shared only', () => {
  const at = 'src/main/loopback-page/kiosk-bridge.ts';

  it.each(['node:http', 'http', 'zod', 'react', '../loopback/server.js', '../core/host.js'])('refuses %s', async (specifier) => {
    await expectRefused([at, importOf(specifier)], 'loopback-page may import only src/main/loopback-page and src/shared, not');
  });

  it.each(['../../shared/contract/kiosk-api.js', './event-source.js'])('allows %s', async (specifier) => {
    await expectAllowed([at, importOf(specifier)]);
  });
});

describe('the Electron preload takes src/shared and two APIs of electron', () => {
  const at = 'src/main/electron-preload/preload.ts';
  const allowed = "electron-preload may import only src/main/electron-preload, src/shared and contextBridge/ipcRenderer from 'electron', not";

  it.each([
    ['node:fs', importOf('node:fs')],
    ['the host', importOf('../core/host.js')],
    ['the main process', importOf('../electron-main/main.js')],
    ['shell-common', importOf('../shell-common/data-folder.js')],
    ['zod', importOf('zod')],
    ['BrowserWindow', "import { BrowserWindow } from 'electron';\nexport default BrowserWindow;\n"],
    ['a third name beside the two', "import { contextBridge, ipcRenderer, shell } from 'electron';\nexport default [contextBridge, ipcRenderer, shell];\n"],
    ['the default export', "import electron from 'electron';\nexport default electron;\n"],
    ['the namespace', "import * as electron from 'electron';\nexport default electron;\n"],
    ['a re-export', "export { webFrame } from 'electron';\n"],
    ['everything re-exported', "export * from 'electron';\n"],
    ['a dynamic import', "export const electron = await import('electron');\n"],
  ])('refuses %s', async (_what, code) => {
    await expectRefused([at, code], allowed);
  });

  it('says exactly what it allows', async () => {
    expect(await layeringErrors(at, importOf('node:fs'))).toEqual([`${allowed} the Node built-in 'node:fs'`]);
  });

  it.each([
    ['the two APIs', "import { contextBridge, ipcRenderer } from 'electron';\nexport default [contextBridge, ipcRenderer];\n"],
    ['types of other names', "import { contextBridge, type IpcRendererEvent } from 'electron';\nimport type { BrowserWindow } from 'electron';\nexport type X = [IpcRendererEvent, BrowserWindow, typeof contextBridge];\n"],
    ['src/shared', importOf('../../shared/contract/kiosk-api.js')],
  ])('allows %s', async (_what, code) => {
    await expectAllowed([at, code]);
  });
});

describe('Electron main and the launcher', () => {
  it.each(['react', 'vite', 'pg', '../launcher/start.js', '../loopback/server.js', '../electron-preload/preload.js'])('refuses electron-main importing %s', async (specifier) => {
    await expectRefused(
      ['src/main/electron-main/main.ts', importOf(specifier)],
      'electron-main may import only src/main/electron-main, src/main/shell-common, src/main/core, src/shared, Node built-ins and the packages electron, electron-updater, zod, not',
    );
  });

  it.each(['electron', 'electron-updater', '../shell-common/data-folder.js', '../core/host.js', 'node:path'])('allows electron-main importing %s', async (specifier) => {
    await expectAllowed(['src/main/electron-main/main.ts', importOf(specifier)]);
  });

  const launcherRule = 'launcher may import only src/main/launcher, src/main/loopback, src/main/shell-common, src/main/core, src/shared, Node built-ins and the packages vite, zod, not';

  it.each([
    ['a static import of electron', importOf('electron')],
    ['a dynamic import of electron', "export const electron = await import('electron');\n"],
    ['a require of electron', "export const electron: unknown = require('electron');\n"],
    ['react', importOf('react')],
    ['the Electron main process', importOf('../electron-main/main.js')],
    ['the portal', importOf('../../portal/server.js')],
  ])('refuses the launcher importing %s', async (_what, code) => {
    await expectRefused(['src/main/launcher/start.ts', code], launcherRule);
  });

  it.each(['vite', '../loopback/server.js', '../shell-common/data-folder.js', '../core/host.js', '../../shared/domain/receipt-number.js', 'node:child_process'])(
    'allows the launcher importing %s',
    async (specifier) => {
      await expectAllowed(['src/main/launcher/start.ts', importOf(specifier)]);
    },
  );
});

describe('the renderer imports itself, src/shared and its UI libraries', () => {
  const at = 'src/renderer/features/catalogue/ServiceScreen.tsx';
  const allowed =
    'renderer may import only src/renderer, src/shared and the packages react, react-dom, react-i18next, i18next, zustand, simple-keyboard, react-simple-keyboard, qrcode, @fontsource/*, not';

  it.each(['pg', 'pdfkit', 'better-sqlite3', 'electron', 'fastify', 'uuid', 'node:fs', 'path', '../../../main/core/host.js', '../../../portal/server.js', '../../../main/loopback-page/kiosk-bridge.js'])(
    'refuses %s',
    async (specifier) => {
      await expectRefused([at, importOf(specifier)], allowed);
    },
  );

  it.each([
    ['import type', "import type { KioskHost } from '../../../main/core/host.js';\nexport type H = KioskHost;\n"],
    ['an import() type', "export type H = import('../../../main/core/host.js').KioskHost;\n"],
    ['export type … from', "export type { KioskHost } from '../../../main/core/host.js';\n"],
  ])('counts a type-only crossing (%s) like any other', async (_what, code) => {
    await expectRefused([at, code], allowed);
  });

  it.each([
    'react',
    'react-dom/client',
    'react-i18next',
    'i18next',
    'zustand',
    'simple-keyboard',
    'react-simple-keyboard',
    'react-simple-keyboard/build/css/index.css',
    'qrcode',
    '@fontsource/noto-sans/cyrillic-400.css',
    '../../styles/app.css',
    '../../ui/ServiceCard.js',
    '../../../shared/contract/ipc.js',
    '../../../shared/locales/ky/catalogue.json',
  ])('allows %s', async (specifier) => {
    await expectAllowed([at, importOf(specifier)]);
  });
});

describe('the reference portal and the back office', () => {
  const portalRule =
    'portal may import only src/portal, src/shared, Node built-ins and the packages fastify, fastify-type-provider-zod, @fastify/swagger, @fastify/rate-limit, @fastify/cookie, @fastify/static, pg, better-sqlite3, pdfkit, @hpke/core, zod, uuid, fflate, not';

  it.each(['../main/core/host.js', '../main/shell-common/data-folder.js', '../renderer/App.js', 'electron', 'react', 'qrcode'])('refuses the portal importing %s', async (specifier) => {
    await expectRefused(['src/portal/server.ts', importOf(specifier)], portalRule);
  });

  it.each(['fastify', 'fastify-type-provider-zod', '@fastify/swagger', '@fastify/rate-limit', '@fastify/cookie', '@fastify/static', 'pg', 'better-sqlite3', 'pdfkit', '@hpke/core', 'zod', 'uuid', 'fflate', 'node:http', '../shared/contract/portal.js', './storage/portal-store.js'])(
    'allows the portal importing %s',
    async (specifier) => {
      await expectAllowed(['src/portal/server.ts', importOf(specifier)]);
    },
  );

  const backofficeRule = 'backoffice may import only src/backoffice, src/shared and the packages react, react-dom, react-i18next, i18next, zustand, @fontsource/*, not';

  it.each(['../portal/server.js', '../portal/storage/portal-store.js', '../renderer/App.js', '../main/core/host.js', 'fastify', 'pg', 'node:fs'])(
    'refuses the back office importing %s (it reaches the portal over HTTP)',
    async (specifier) => {
      await expectRefused(['src/backoffice/App.tsx', importOf(specifier)], backofficeRule);
    },
  );

  it.each(['react', 'react-i18next', './screens/Queue.js', '../shared/contract/portal.js'])('allows the back office importing %s', async (specifier) => {
    await expectAllowed(['src/backoffice/App.tsx', importOf(specifier)]);
  });
});

describe('every file under src/ has a layer, and every import lands in one', () => {
  it.each(['src/main/newfolder/x.ts', 'src/main/x.ts', 'src/x.ts', 'src/tools/x.ts', 'src/main/electron/main.ts', 'src/main/browser/server.ts'])('refuses %s, which is in no layer', async (file) => {
    expect(await layeringErrors(file, 'export const x = 1;\n')).toEqual([
      `'${file}' is in no layer: a file under src/ stands in one of src/shared, src/main/core, src/main/shell-common, src/main/loopback, src/main/loopback-page, src/main/electron-preload, src/main/electron-main, src/main/launcher, src/renderer, src/portal or src/backoffice (layers are declared in eslint-rules/layering.js)`,
    ]);
  });

  it('says nothing about files outside src/', async () => {
    await expectAllowed(['test/unit/anything.test.ts', importOf('../../src/main/core/host.js')]);
    await expectAllowed(['eslint-rules/other.js', importOf('electron')]);
  });

  it.each([
    ['a file in no layer', importOf('../../newfolder/x.js'), "'../../newfolder/x.js', which is in no layer"],
    ['test/', importOf('../../../../test/helpers/fixture.js'), "'../../../../test/helpers/fixture.js', which is outside src/"],
    ['node_modules by path', importOf('../../../../node_modules/zod/index.js'), "'../../../../node_modules/zod/index.js', which is outside src/"],
    ['a computed module name', 'const name = "pg";\nexport const pg: unknown = await import(name);\n', 'a computed module name, which cannot be checked'],
  ])('refuses an import of %s', async (_what, code, what) => {
    expect(await layeringErrors('src/main/core/content/content-service.ts', code)).toEqual([
      `core may import only src/main/core, src/shared, Node built-ins and the packages better-sqlite3, @hpke/core, pdfkit, qrcode, uuid, zod, libphonenumber-js, i18next, not ${what}`,
    ]);
  });
});
