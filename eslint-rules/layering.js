import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The layering of architecture.md as one lint rule: every file belongs to the layer whose folder
 * holds it, and may import only the layers and packages that layer is allowed. A crossing fails
 * `npm run lint`, and so `npm test`.
 */
const UI_PACKAGES = ['react', 'react-dom', 'react-i18next', 'zustand', 'i18next', 'simple-keyboard', 'react-simple-keyboard'];
const NODE_ONLY = ['better-sqlite3', 'electron-updater', 'vite'];

export const LAYERS = [
  { name: 'shared', folder: 'src/shared', layers: ['shared'], onlyPackages: ['zod', 'libphonenumber-js'], node: false },
  { name: 'core', folder: 'src/main/core', layers: ['core', 'shared'], forbid: ['electron', ...UI_PACKAGES, 'vite'], node: true },
  { name: 'shell-common', folder: 'src/main/shell-common', layers: ['shell-common', 'core', 'shared'], forbid: ['electron', ...UI_PACKAGES, 'vite'], node: true },
  { name: 'loopback-page', folder: 'src/main/loopback-page', layers: ['loopback-page', 'shared'], onlyPackages: [], node: false },
  { name: 'loopback', folder: 'src/main/loopback', layers: ['loopback', 'shell-common', 'core', 'shared'], forbid: ['electron', ...UI_PACKAGES, 'vite'], node: true },
  { name: 'electron-preload', folder: 'src/main/electron-preload', layers: ['electron-preload', 'shared'], onlyPackages: ['electron'], node: false },
  { name: 'electron-main', folder: 'src/main/electron-main', layers: ['electron-main', 'shell-common', 'core', 'shared'], forbid: [...UI_PACKAGES, 'vite'], node: true },
  { name: 'launcher', folder: 'src/main/launcher', layers: ['launcher', 'loopback', 'shell-common', 'core', 'shared'], forbid: ['electron', ...UI_PACKAGES], node: true },
  { name: 'renderer', folder: 'src/renderer', layers: ['renderer', 'shared'], forbid: ['electron', ...NODE_ONLY], node: false },
  { name: 'portal', folder: 'src/portal', layers: ['portal', 'shared'], forbid: ['electron', ...UI_PACKAGES, 'vite'], node: true },
];

const builtins = new Set(builtinModules);

function layerOf(path, root) {
  const rel = relative(root, path).split(sep).join('/');
  return LAYERS.find((layer) => rel === layer.folder || rel.startsWith(layer.folder + '/'));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Holds the layering of src/ (shared, core, shells, renderer, portal)' },
    schema: [],
    messages: {
      layer: "{{from}} may not import from {{to}} ('{{specifier}}'); see design/architecture.md",
      package: "{{from}} may not import the package '{{name}}'",
      builtin: "{{from}} runs without Node and may not import '{{specifier}}'",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(file, root);
    if (!from) return {};

    function check(node, specifier) {
      if (typeof specifier !== 'string') return;
      if (specifier.startsWith('.')) {
        const to = layerOf(resolve(dirname(file), specifier), root);
        if (to && !from.layers.includes(to.name)) {
          context.report({ node, messageId: 'layer', data: { from: from.name, to: to.name, specifier } });
        }
        return;
      }
      const name = packageName(specifier);
      if (specifier.startsWith('node:') || builtins.has(name)) {
        if (!from.node) context.report({ node, messageId: 'builtin', data: { from: from.name, specifier } });
        return;
      }
      const refused = from.onlyPackages ? !from.onlyPackages.includes(name) : from.forbid.includes(name);
      if (refused) context.report({ node, messageId: 'package', data: { from: from.name, name } });
    }

    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal') {
          check(node, node.arguments[0].value);
        }
      },
    };
  },
};
