// The direction of imports, read from every src/**/*.ts: core (pure) <- render (vega) <- shell <- action,
// cli.ts; github/ is a leaf that sees only Octokit and core's types. A module that reaches the wrong way
// fails here, naming the file and the import.
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');

interface Import {
  specifier: string;
  /** `import type`, or every name imported with `type`: erased from the build. */
  typeOnly: boolean;
}

/** Every static import, re-export and dynamic `import('...')` of a module's source. */
function importsOf(source: string): Import[] {
  const file = ts.createSourceFile('module.ts', source, ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : null;
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && named !== null && named.length > 0 && named.every((e) => e.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      found.push({ specifier: argument && ts.isStringLiteralLike(argument) ? argument.text : '<computed>', typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

type Layer = 'core' | 'render' | 'shell' | 'github' | 'action' | 'cli';

/** The layer of a file under src/: its first folder; main.ts and index.ts are the action's entry. */
function layerOf(file: string): Layer {
  const relative = path.relative(SRC, file).split(path.sep);
  if (relative.length === 1) return relative[0] === 'cli.ts' ? 'cli' : 'action';
  return relative[0] as Layer;
}

const isBuiltin = (name: string) => name.startsWith('node:') || builtinModules.includes(name);
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

/** Libraries that compute and touch nothing outside the process: the core may use them. */
const PURE_LIBRARIES = ['zod', 'js-yaml', 'lz-string'];

/** Why `imported` may not be imported from a module of `layer`, or null when it may. */
function refusal(layer: Layer, imported: Import, target: Layer | null): string | null {
  const pkg = target === null ? packageOf(imported.specifier) : null;
  switch (layer) {
    case 'core':
      if (target !== null) return target === 'core' ? null : `core imports only core, not ${target}`;
      if (PURE_LIBRARIES.includes(pkg!)) return null;
      // The chart's specs are typed by vega-lite's and vega's types, erased from the build.
      if ((pkg === 'vega-lite' || pkg === 'vega') && imported.typeOnly) return null;
      return `core is pure: no ${pkg} (only \`import type\` from vega-lite and vega, and ${PURE_LIBRARIES.join(', ')})`;
    case 'render':
      if (target !== null) return target === 'core' || target === 'render' ? null : `render imports only core, not ${target}`;
      return pkg === 'vega' || pkg!.startsWith('vega-') ? null : `render imports only vega, its modules (vega-*) and vega-lite, not ${pkg}`;
    case 'shell':
      if (target !== null) return ['core', 'render', 'shell'].includes(target) ? null : `shell imports core, render and shell, not ${target}`;
      return pkg!.startsWith('@actions/') || pkg!.startsWith('@octokit/') ? `shell knows nothing of GitHub: no ${pkg}` : null;
    case 'github':
      if (target !== null) {
        if (target === 'github') return null;
        return target === 'core' && imported.typeOnly ? null : `github is a leaf: only types from core, not ${imported.typeOnly ? '' : 'values from '}${target}`;
      }
      if (isBuiltin(pkg!) || pkg!.startsWith('@octokit/') || pkg === '@actions/github') return null;
      return `github imports only Octokit (@octokit/*, @actions/github), not ${pkg}`;
    case 'action':
      return target === 'cli' ? 'the action does not import the CLI' : null;
    case 'cli':
      return target === 'action' || target === 'github' ? `cli.ts imports no ${target}/` : null;
  }
}

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every import of src/ that points the wrong way, as `file: specifier (why)`. */
function violations(): string[] {
  const wrong: string[] = [];
  for (const file of sources(SRC)) {
    const layer = layerOf(file);
    for (const imported of importsOf(readFileSync(file, 'utf8'))) {
      const relative = imported.specifier.startsWith('.');
      const target = relative ? layerOf(path.resolve(path.dirname(file), imported.specifier)) : null;
      const why = imported.specifier === '<computed>' ? 'an import whose path is computed cannot be checked' : refusal(layer, imported, target);
      if (why) wrong.push(`${path.relative(ROOT, file)}: ${imported.specifier} (${why})`);
    }
  }
  return wrong;
}

describe('importsOf', () => {
  it('finds static, type-only, re-exported and dynamic imports', () => {
    const source = [
      "import * as vega from 'vega';",
      "import type { TopLevelSpec } from 'vega-lite';",
      "import { type A, type B } from './types.js';",
      "import { type A, c } from './mixed.js';",
      "import './side-effect.js';",
      "export { x } from '../core/x.js';",
      'async function f() { return import(`../render/svg.js`); }',
    ].join('\n');
    expect(importsOf(source)).toEqual([
      { specifier: 'vega', typeOnly: false },
      { specifier: 'vega-lite', typeOnly: true },
      { specifier: './types.js', typeOnly: true },
      { specifier: './mixed.js', typeOnly: false },
      { specifier: './side-effect.js', typeOnly: false },
      { specifier: '../core/x.js', typeOnly: false },
      { specifier: '../render/svg.js', typeOnly: false },
    ]);
  });
});

describe('the layout of src/', () => {
  it('has modules in every layer it checks', () => {
    const layers = new Set(sources(SRC).map(layerOf));
    expect([...layers].sort()).toEqual(['action', 'cli', 'core', 'github', 'render', 'shell']);
  });

  it('imports point one way: core <- render <- shell <- action, cli; github a leaf', () => {
    expect(violations()).toEqual([]);
  });
});
