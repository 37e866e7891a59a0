import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layering of architecture.md as one lint rule. Every file under src/ belongs to the layer whose
 * folder holds it (a file in no layer is an error), and each layer is an allow-list: the layers it may
 * import, the packages it may import, and whether Node's built-ins exist where it runs. Type-only
 * imports count like value imports, so a layer cannot even lean on another's types.
 */
const UI_PACKAGES = ['react', 'react-dom', 'react-i18next', 'i18next', 'zustand'];

export const LAYERS = [
  { name: 'shared', folder: 'src/shared', layers: ['shared'], packages: ['zod', 'libphonenumber-js', 're2js'], node: false },
  {
    name: 'core',
    folder: 'src/main/core',
    layers: ['core', 'shared'],
    packages: ['better-sqlite3', '@hpke/core', 'pdfkit', 'qrcode', 'uuid', 'zod', 'libphonenumber-js', 'i18next'],
    node: true,
  },
  { name: 'shell-common', folder: 'src/main/shell-common', layers: ['shell-common', 'core', 'shared'], packages: ['zod'], node: true },
  { name: 'loopback', folder: 'src/main/loopback', layers: ['loopback', 'shell-common', 'core', 'shared'], packages: ['zod'], node: true },
  // Runs in the page the browser shell serves: the DOM and the shared contract, nothing else.
  { name: 'loopback-page', folder: 'src/main/loopback-page', layers: ['loopback-page', 'shared'], packages: [], node: false },
  // Runs sandboxed beside the page: what it takes from 'electron' is limited to the two bridge APIs.
  {
    name: 'electron-preload',
    folder: 'src/main/electron-preload',
    layers: ['electron-preload', 'shared'],
    packages: [],
    electronNames: ['contextBridge', 'ipcRenderer'],
    node: false,
  },
  {
    name: 'electron-main',
    folder: 'src/main/electron-main',
    layers: ['electron-main', 'shell-common', 'core', 'shared'],
    packages: ['electron', 'electron-updater', 'zod'],
    node: true,
  },
  // `npm start` must run where the Electron runtime is missing, so it starts Electron as a process, never imports it.
  { name: 'launcher', folder: 'src/main/launcher', layers: ['launcher', 'loopback', 'shell-common', 'core', 'shared'], packages: ['vite', 'zod'], node: true },
  {
    name: 'renderer',
    folder: 'src/renderer',
    layers: ['renderer', 'shared'],
    packages: [...UI_PACKAGES, 'simple-keyboard', 'react-simple-keyboard', 'qrcode', '@fontsource/*'],
    node: false,
  },
  {
    name: 'portal',
    folder: 'src/portal',
    layers: ['portal', 'shared'],
    packages: ['fastify', 'fastify-type-provider-zod', '@fastify/swagger', '@fastify/rate-limit', '@fastify/cookie', '@fastify/static', 'pg', 'better-sqlite3', 'pdfkit', '@hpke/core', 'zod', 'uuid', 'fflate'],
    node: true,
  },
  // The officers' web app reaches the portal over HTTP only, never by importing it.
  { name: 'backoffice', folder: 'src/backoffice', layers: ['backoffice', 'shared'], packages: [...UI_PACKAGES, '@fontsource/*'], node: false },
];

/**
 * Rooms inside core. A domain (every folder of core but ipc/ and storage/) never reaches the router
 * (ipc/) or the composition root (host.ts); storage sits below the domains; core's other root modules
 * (handlers, logger, events, ports) are what domains share, so they may not reach the router either.
 * host.ts and ipc/ wire everything and may import anything in core.
 */
const CORE = 'src/main/core';
const CORE_WIRING = ['ipc', 'host'];

// Paths are read against the project root, not the working directory, so linting from a subfolder holds too.
const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const builtins = new Set(builtinModules);
const byName = new Map(LAYERS.map((layer) => [layer.name, layer]));

function projectPath(path, root) {
  return relative(root, path).split(sep).join('/');
}

function layerOf(rel) {
  return LAYERS.find((layer) => rel === layer.folder || rel.startsWith(layer.folder + '/'));
}

/** 'host' for core/host.ts, 'ipc', 'storage', 'root' for core's other top-level modules, else the domain folder. */
function coreRoom(rel) {
  const inside = rel.slice(CORE.length + 1).replace(/\.[cm]?[jt]sx?$/, '');
  const [first, ...rest] = inside.split('/');
  if (rest.length === 0) return first === 'host' || first === 'ipc' ? first : 'root';
  return first;
}

function isDomain(room) {
  return !['host', 'ipc', 'storage', 'root'].includes(room);
}

/** What `fromRoom` may import inside core when `toRoom` is refused to it; undefined when the import is fine. */
function coreRefusal(fromRoom, toRoom) {
  if (CORE_WIRING.includes(fromRoom)) return undefined;
  if (fromRoom === 'storage') {
    const refused = CORE_WIRING.includes(toRoom) || isDomain(toRoom);
    return refused ? "core/storage may import only core/storage, core's root modules except host.ts, and src/shared" : undefined;
  }
  if (!CORE_WIRING.includes(toRoom)) return undefined;
  const who = fromRoom === 'root' ? "core's root modules" : `core/${fromRoom} (a domain)`;
  return `${who} may import core except core/ipc (the router) and core/host.ts (the composition root), and src/shared`;
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function packageAllowed(layer, name) {
  return layer.packages.some((allowed) => (allowed.endsWith('/*') ? name.startsWith(allowed.slice(0, -1)) : allowed === name));
}

function listWords(words, conjunction = 'and') {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** "electron-preload may import only src/main/electron-preload, src/shared and contextBridge/ipcRenderer from 'electron'". */
function allowedText(layer) {
  const parts = layer.layers.map((name) => byName.get(name).folder);
  if (layer.node) parts.push('Node built-ins');
  if (layer.packages.length > 0) parts.push(`${layer.packages.length === 1 ? 'the package' : 'the packages'} ${layer.packages.join(', ')}`);
  if (layer.electronNames) parts.push(`${layer.electronNames.join('/')} from 'electron'`);
  return `${layer.name} may import only ${listWords(parts)}`;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Holds the layering of src/ (shared, core, shells, renderer, portal, backoffice)' },
    schema: [],
    messages: {
      noLayer: "'{{file}}' is in no layer: a file under src/ stands in one of {{folders}} (layers are declared in eslint-rules/layering.js)",
      refused: '{{allowed}}, not {{what}}',
    },
  },
  create(context) {
    const root = PROJECT_ROOT;
    const file = context.filename;
    const fileRel = projectPath(file, root);
    if (!fileRel.startsWith('src/')) return {};
    const from = layerOf(fileRel);
    if (!from) {
      return {
        Program: (node) =>
          context.report({ node, messageId: 'noLayer', data: { file: fileRel, folders: listWords(LAYERS.map((layer) => layer.folder), 'or') } }),
      };
    }
    const allowed = allowedText(from);
    const refuse = (node, what) => context.report({ node, messageId: 'refused', data: { allowed, what } });

    function checkPath(node, specifier) {
      const targetRel = projectPath(resolve(dirname(file), specifier), root);
      if (!targetRel.startsWith('src/')) return refuse(node, `'${specifier}', which is outside src/`);
      const to = layerOf(targetRel);
      if (!to) return refuse(node, `'${specifier}', which is in no layer`);
      if (!from.layers.includes(to.name)) return refuse(node, `${to.folder} ('${specifier}')`);
      if (from.name === 'core' && to.name === 'core') {
        const coreAllowed = coreRefusal(coreRoom(fileRel), coreRoom(targetRel));
        if (coreAllowed) context.report({ node, messageId: 'refused', data: { allowed: coreAllowed, what: `'${specifier}'` } });
      }
    }

    /** `names` is the list of value names taken from the module, or undefined when the whole module is taken. */
    function check(node, specifier, names) {
      if (typeof specifier !== 'string') return refuse(node, 'a computed module name, which cannot be checked');
      if (specifier.startsWith('.') || specifier.startsWith('/')) return checkPath(node, specifier);
      const name = packageName(specifier);
      if (specifier.startsWith('node:') || builtins.has(name)) {
        if (!from.node) refuse(node, `the Node built-in '${specifier}'`);
        return;
      }
      if (from.electronNames && name === 'electron') {
        if (!names) return refuse(node, "the whole of 'electron'");
        const other = names.filter((taken) => !from.electronNames.includes(taken));
        if (other.length > 0) refuse(node, `${other.map((taken) => `'${taken}'`).join(', ')} from 'electron'`);
        return;
      }
      if (!packageAllowed(from, name)) refuse(node, `the package '${specifier}'`);
    }

    function importedNames(node) {
      if (node.importKind === 'type') return [];
      const names = [];
      for (const specifier of node.specifiers) {
        if (specifier.type !== 'ImportSpecifier') return undefined;
        if (specifier.importKind === 'type') continue;
        names.push(specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value);
      }
      return names;
    }

    function exportedNames(node) {
      if (node.exportKind === 'type') return [];
      return node.specifiers
        .filter((specifier) => specifier.exportKind !== 'type')
        .map((specifier) => (specifier.local.type === 'Identifier' ? specifier.local.name : specifier.local.value));
    }

    function literal(node) {
      if (node.type === 'Literal') return node.value;
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
      return undefined;
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value, importedNames(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, exportedNames(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type' ? [] : undefined),
      ImportExpression: (node) => check(node, literal(node.source), undefined),
      TSImportType: (node) => check(node, node.source?.value ?? node.argument?.literal?.value, []),
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') {
          check(node, node.moduleReference.expression.value, node.importKind === 'type' ? [] : undefined);
        }
      },
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) {
          check(node, literal(node.arguments[0]), undefined);
        }
      },
    };
  },
};
