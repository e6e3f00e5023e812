/**
 * `layers/imports`: the layering of the source tree as one lint rule (after Signal
 * Desktop's `.eslint/rules/*` and VS Code's `code-import-patterns`/`code-layering`).
 *
 * The data lives in eslint.config.js; this file only applies it. Two checks, on every
 * import, re-export, `require()`, dynamic `import()` with a literal and
 * `new URL('./x', import.meta.url)` (how worker scripts are named):
 *
 * - A project file (a relative or absolute path) must sit in the importer's own folder
 *   or in a folder of a lower level of one of the importer's stacks. A folder's
 *   neighbours on its own level are off limits too, so a level states that its folders
 *   do not know each other. Paths are resolved against the importing file, so
 *   `shared/merge/` and `electron/merge/` are never confused, and a folder is the
 *   longest listed prefix of the path (a file can be its own entry).
 * - A package or Node built-in must be allowed by the importer's zone: `node: false`
 *   forbids every built-in (`fs`, `node:fs`, `fs/promises`), `packages` is an
 *   allow-list (`'*'` for any, `'@scope/*'` for a scope) and `except` a deny-list.
 *
 * A file of a zone that sits in no layer is itself reported, so a new folder cannot
 * slip past the order.
 *
 * `pending` names imports that break the layers today and are being removed by work
 * under way (file → imported paths, both relative to `root`); an entry that no longer
 * matches an import in its file is reported, so the list cannot outlive its reason.
 * Type-only imports count: a type is a dependency on the layer that owns it.
 */
import { isBuiltin } from 'node:module';
import path from 'node:path';

const posix = (p) => p.split(path.sep).join('/');
/** How a layer entry is named in messages: a folder with its slash, a single file as it is. */
const shown = (entry) => (/\.[cm]?[jt]sx?$/.test(entry) ? entry : `${entry}/`);

/** The longest listed folder (or file) that contains `rel`, or undefined. */
function folderOf(rel, folders) {
  let best;
  for (const f of folders) if ((rel === f || rel.startsWith(`${f}/`)) && (!best || f.length > best.length)) best = f;
  return best;
}

/** `@scope/name/sub?x` → `@scope/name`; `name/sub` → `name`. */
function packageName(spec) {
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function matches(pattern, name) {
  return pattern === '*' || pattern === name || (pattern.endsWith('/*') && name.startsWith(pattern.slice(0, -1)));
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Each folder imports only its own layer and the layers below it, and only the packages its zone allows' },
    schema: [
      {
        type: 'object',
        properties: {
          root: { type: 'string' },
          stacks: { type: 'object', additionalProperties: { type: 'array', items: { type: 'array', items: { type: 'string' } } } },
          zones: { type: 'array' },
          pending: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
        },
        required: ['root', 'stacks', 'zones'],
        additionalProperties: false,
      },
    ],
    messages: {
      upward:
        "'{{spec}}' is in {{target}}, which {{folder}} may not import: {{folder}} sits at level {{level}} of the {{stack}} layers (eslint.config.js) and may import only {{allowed}}.",
      apart:
        "'{{spec}}' is in {{target}}, which is not in the layers of {{folder}} ({{stacks}}, eslint.config.js): {{folder}} may import only {{allowed}}.",
      outside: "'{{spec}}' resolves to {{target}}, outside every layer: {{folder}} may import only {{allowed}}.",
      builtin: "'{{spec}}' is a Node built-in; {{folder}} must run outside Node (eslint.config.js, zone {{zone}}).",
      package: "'{{name}}' is not on the package list of {{zone}} (eslint.config.js); {{folder}} may import only {{list}}.",
      denied: "'{{name}}' may not be imported from {{zone}} (eslint.config.js: {{why}}).",
      unplaced: '{{file}} is in no layer: add its folder to a level of eslint.config.js.',
      stale:
        "eslint.config.js lists '{{target}}' as a pending layer break of this file, but the file no longer imports it: drop the entry.",
    },
  },
  create(context) {
    const { root, stacks, zones, pending = {} } = context.options[0];
    const file = posix(path.relative(root, context.filename));
    if (file.startsWith('..')) return {};

    const allFolders = [...new Set(Object.values(stacks).flat(2))];
    const folder = folderOf(file, allFolders);
    const zone = zones
      .filter((z) => file === z.folder || file.startsWith(`${z.folder}/`))
      .sort((a, b) => b.folder.length - a.folder.length)[0];
    if (!folder && !zone) return {};

    // What `folder` may import: itself plus every folder of a lower level, in each stack that holds it.
    const allowed = new Set(folder ? [folder] : []);
    const where = [];
    for (const [name, levels] of Object.entries(stacks)) {
      const level = levels.findIndex((l) => l.includes(folder));
      if (level < 0) continue;
      where.push({ name, level });
      for (const l of levels.slice(0, level)) for (const f of l) allowed.add(f);
    }
    const allowedText = [...allowed].map(shown).join(', ');
    const pendingHere = new Map((pending[file] ?? []).map((t) => [t, false]));
    if (!folder) {
      return { Program: (node) => context.report({ node, messageId: 'unplaced', data: { file } }) };
    }

    function checkPath(node, spec) {
      const clean = spec.replace(/[?#].*$/, '');
      const abs = path.isAbsolute(clean) ? clean : path.resolve(path.dirname(context.filename), clean);
      const target = posix(path.relative(root, abs));
      if (pendingHere.has(target)) {
        pendingHere.set(target, true);
        return;
      }
      const targetFolder = folderOf(target, allFolders);
      if (targetFolder && allowed.has(targetFolder)) return;
      if (!targetFolder) {
        context.report({ node, messageId: 'outside', data: { spec, target, folder: shown(folder), allowed: allowedText } });
        return;
      }
      const inStack = where.find((w) => stacks[w.name].some((l) => l.includes(targetFolder)));
      if (!inStack) {
        const data = {
          spec,
          target: shown(targetFolder),
          folder: shown(folder),
          stacks: where.map((w) => w.name).join(', '),
          allowed: allowedText,
        };
        context.report({ node, messageId: 'apart', data });
        return;
      }
      const { name, level } = inStack;
      context.report({
        node,
        messageId: 'upward',
        data: { spec, target: shown(targetFolder), folder: shown(folder), level, stack: name, allowed: allowedText },
      });
    }

    function checkPackage(node, spec) {
      if (!zone) return;
      const clean = spec.replace(/[?#].*$/, '');
      if (spec.startsWith('node:') || isBuiltin(clean)) {
        if (zone.node === false)
          context.report({ node, messageId: 'builtin', data: { spec, folder: shown(folder), zone: `${zone.folder}/` } });
        return;
      }
      const name = packageName(clean);
      const deny = (zone.except ?? []).find((d) => matches(d.name, name));
      if (deny) {
        context.report({ node, messageId: 'denied', data: { name, zone: `${zone.folder}/`, why: deny.why } });
        return;
      }
      const list = zone.packages === '*' ? ['*'] : zone.packages;
      if (!list.some((p) => matches(p, name))) {
        context.report({
          node,
          messageId: 'package',
          data: { name, zone: `${zone.folder}/`, folder: shown(folder), list: list.join(', ') },
        });
      }
    }

    function check(node, source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      if (spec.startsWith('.') || path.isAbsolute(spec)) checkPath(source, spec);
      else checkPackage(source, spec);
    }

    const isImportMetaUrl = (n) =>
      n?.type === 'MemberExpression' && n.object.type === 'MetaProperty' && n.object.meta.name === 'import' && n.property.name === 'url';

    return {
      ImportDeclaration: (n) => check(n, n.source),
      ExportNamedDeclaration: (n) => check(n, n.source),
      ExportAllDeclaration: (n) => check(n, n.source),
      ImportExpression: (n) => check(n, n.source),
      TSImportEqualsDeclaration: (n) => n.moduleReference.type === 'TSExternalModuleReference' && check(n, n.moduleReference.expression),
      CallExpression(n) {
        if (n.callee.type === 'Identifier' && n.callee.name === 'require' && n.arguments.length === 1) check(n, n.arguments[0]);
      },
      NewExpression(n) {
        // new URL('./worker.ts', import.meta.url) names a file this module will run.
        const [spec, base] = n.arguments;
        if (
          n.callee.type === 'Identifier' &&
          n.callee.name === 'URL' &&
          isImportMetaUrl(base) &&
          typeof spec?.value === 'string' &&
          spec.value.startsWith('.')
        ) {
          checkPath(spec, spec.value);
        }
      },
      'Program:exit'(program) {
        for (const [target, used] of pendingHere) if (!used) context.report({ node: program, messageId: 'stale', data: { target } });
      },
    };
  },
};
