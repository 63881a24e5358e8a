// One command builds dist/: `npm run build`. Both entry points are bundled as ES modules with every
// dependency inside, so `node dist/cli.js` and the action run from a fresh clone with no install.
// Code splitting keeps heavy, rarely needed code (vega for the chart) in chunks loaded on demand.
//
//   node scripts/build.mjs        dist/ and roofline.schema.json, the files committed in the repo
//   node scripts/build.mjs DIR    the bundle in DIR only, nothing in the repo touched (the tests build so)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = process.argv[2] === undefined ? path.join(root, 'dist') : path.resolve(process.argv[2]);

/**
 * zod re-exports every one of its locales (`z.locales`, `z.core.locales`) as a namespace, which no bundler
 * can tree-shake; we use none but English, the one zod configures itself with. Loading zod's locale index
 * as English only keeps 63 locales (about 250 KB) out of the bundle every run parses.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, (args) => ({
      contents: 'export { default as en } from "./en.js";\n',
      resolveDir: path.dirname(args.path),
    }));
  },
};

/**
 * vega-lite imports four helpers (isObject, isString, stringValue, hasOwnProperty) from `vega`, which
 * re-exports them from vega-util; but importing `vega` registers every transform of every vega package
 * (geo, force, hierarchy, label, voronoi, wordcloud...). Taking them from vega-util directly leaves the
 * chart only the vega modules src/render/svg.ts loads.
 */
const vegaLiteWithoutVega = {
  name: 'vega-lite-without-vega',
  setup(build) {
    build.onResolve({ filter: /^vega$/ }, (args) =>
      /[\\/]node_modules[\\/]vega-lite[\\/]/.test(args.importer) ? build.resolve('vega-util', { kind: args.kind, resolveDir: args.resolveDir }) : undefined);
  },
};

/**
 * main.ts needs only @actions/github's `context`, but the package's index (lib/github.js) also builds
 * getOctokit's class at load time: Octokit, its REST endpoint methods and undici for the proxy (over
 * 500 KB), compiled at every start of the action, a run that makes no API call too. Only main.ts's import
 * is resolved to a module that makes the same `new Context()` from lib/context.js; the Octokit, in
 * src/github/octokit.ts, loads the whole package in a chunk of its own, at the first call (github-api.ts).
 * lib/context.js is not in the package's exports map, so only the build can reach it, by its path: when a
 * release of @actions/github moves it, the build fails here rather than bundle the package again.
 */
const githubContextOnly = {
  name: 'github-context-only',
  setup(build) {
    const main = path.join(root, 'src', 'main.ts');
    const contextFile = path.join(root, 'node_modules', '@actions', 'github', 'lib', 'context.js');
    build.onResolve({ filter: /^@actions\/github$/ }, (args) => {
      if (args.importer !== main) return undefined;
      if (!existsSync(contextFile)) return { errors: [{ text: `${path.relative(root, contextFile)} is missing: @actions/github has moved its Context, and main.ts would load the whole package (see github-context-only in scripts/build.mjs)` }] };
      return { path: 'context', namespace: 'github-context-only' };
    });
    build.onLoad({ filter: /.*/, namespace: 'github-context-only' }, () => ({
      contents: `import { Context } from ${JSON.stringify(contextFile)};\nexport const context = new Context();\n`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

/**
 * @actions/core's core.js imports its OIDC client (getIDToken) at load time, and with it
 * @actions/http-client and undici (about 400 KB), which every run of the action compiled. The action never
 * asks for an OIDC token, so core.js gets a stub whose getIDToken says that instead. When a release of
 * @actions/core no longer imports './oidc-utils.js' from core.js, this plugin matches nothing, and the
 * check after the build (startupInputs) fails on undici being back.
 */
const coreWithoutOidc = {
  name: 'core-without-oidc',
  setup(build) {
    build.onResolve({ filter: /^\.\/oidc-utils\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]@actions[\\/]core[\\/]lib[\\/]core\.js$/.test(args.importer) ? { path: 'oidc-utils', namespace: 'core-without-oidc' } : undefined);
    build.onLoad({ filter: /.*/, namespace: 'core-without-oidc' }, () => ({
      contents: [
        'export class OidcClient {',
        '  static async getIDToken() {',
        "    throw new Error('getIDToken is not bundled in roofline-gate: the action never asks for an OIDC token (scripts/build.mjs, core-without-oidc)');",
        '  }',
        '}',
      ].join('\n'),
      loader: 'js',
    }));
  },
};

/**
 * dist/cli.js is a stub that turns on Node's compile cache (22.1+; os.tmpdir()/node-compile-cache), starts
 * the chart thread for `check` (dist/chart-worker.js, an entry of its own) when the cache is off, and only
 * then imports the CLI, so the cache covers every module of the bundle: called from src/cli.ts itself,
 * it came after cli.ts's static imports were compiled, and the main chunk (zod, js-yaml, the catalog,
 * about 440 KB then; 300 KB since zod's mini API) was compiled afresh at every start. The action
 * (dist/index.js) has none: a runner's tmpdir is new at every job, so the cache would be written and never
 * read.
 *
 * The thread pays for itself while vega's modules are compiled (Node 20, or a first run): it compiles them
 * on the other core. From the cache they load in a few milliseconds, and the thread's own start (an
 * isolate and Node's bootstrap: 35-50 ms for an empty one on this 2-core machine) and its competing with
 * the main thread's module loading cost more than it saves. The one-model config on Node 24, medians of 25
 * interleaved runs: 218 ms with the thread, 210 ms without; the example 294 and 286 ms; on Node 20, with no
 * cache, the thread saves 5% and 1%. Even importing chart-thread.ts before the CLI, to start no thread,
 * cost 6 ms (192 vs 186 ms, 31 runs): the stub asks the cache itself. getCompileCacheDir is Node 22.8+:
 * on 22.1-22.7 the thread is started, as before.
 */
const cliStart = {
  name: 'cli-start',
  setup(build) {
    build.onResolve({ filter: /^roofline-gate:cli-start$/ }, () => ({ path: 'cli-start', namespace: 'cli-start' }));
    build.onLoad({ filter: /.*/, namespace: 'cli-start' }, () => ({
      contents: [
        '#!/usr/bin/env node',
        "import module from 'node:module';",
        'module.enableCompileCache?.();',
        // `check` draws the chart: without the cache, on its thread, started before the CLI's modules load.
        `if (process.argv[2] === 'check' && !module.getCompileCacheDir?.()) (await import(${JSON.stringify(path.join(root, 'src/shell/chart-thread.ts'))})).startChartThread(new URL('./chart-worker.js', import.meta.url));`,
        `await import(${JSON.stringify(path.join(root, 'src/cli.ts'))});`,
      ].join('\n'),
      resolveDir: root,
      loader: 'js',
    }));
  },
};

await rm(outdir, { recursive: true, force: true });
const { metafile } = await build({
  entryPoints: { cli: 'roofline-gate:cli-start', index: path.join(root, 'src/index.ts'), 'chart-worker': path.join(root, 'src/shell/chart-worker.ts') },
  absWorkingDir: root,
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  // The oldest Node the CLI supports: package.json's engines (util.styleText needs 20.12). The action
  // itself runs on the runner's node24 (action.yml). A test checks that the three agree.
  target: 'node20.12',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  // Some bundled dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
  // Minified, the bundle parses faster at every start. No names kept: nothing
  // reads a function's or class's name, and users never see a stack trace (errors are one screen of text).
  minify: true,
  metafile: true,
  plugins: [cliStart, zodEnglishOnly, vegaLiteWithoutVega, githubContextOnly, coreWithoutOidc],
});

// What the action loads at every start holds no Octokit, no undici and no HTTP client: only a run that
// makes an API call loads them (the chunk of src/github/octokit.ts). A dependency that brings them back
// statically (a new @actions/core or @actions/github, an import in src/) fails the build here.
const atStart = startupInputs(metafile, path.join(outdir, 'index.js')).filter((input) => /node_modules\/(undici|@octokit|@actions\/http-client)\//.test(input));
if (atStart.length > 0) throw new Error(`dist/index.js loads at start what only an API call needs:\n  ${atStart.join('\n  ')}`);

// The chart is drawn from its translation to Vega (src/core/chart/vega-spec.ts): vega-lite (about 270 KB)
// is loaded only for a chart the translation leaves to it, never with the module that draws charts.
const svgChunk = Object.entries(metafile.outputs).find(([, output]) => 'src/render/svg.ts' in output.inputs)?.[0];
if (!svgChunk) throw new Error('no chunk holds src/render/svg.ts');
const vegaLiteAtChart = startupInputs(metafile, path.resolve(root, svgChunk)).filter((input) => /node_modules\/vega-lite\//.test(input));
if (vegaLiteAtChart.length > 0) throw new Error(`drawing a chart loads vega-lite at once:\n  ${vegaLiteAtChart.slice(0, 5).join('\n  ')}`);

// A config that names no op table is read without the table readers (src/shell/op-table-files.ts):
// csv-parse, the importers and node:crypto load only for one that does (core/import/imported.ts, the
// formats' names and the import command's CSV, is the importers' only module the CLI needs at start).
const cliChunk = Object.entries(metafile.outputs).find(([, output]) => 'src/cli.ts' in output.inputs)?.[0];
if (!cliChunk) throw new Error('no chunk holds src/cli.ts');
const tableReadersAtStart = startupInputs(metafile, path.resolve(root, cliChunk), { builtins: true })
  .filter((input) => /node_modules\/csv-parse\/|src\/core\/import\/(?!imported\.ts$)|src\/shell\/op-table-files\.ts|^node:crypto$/.test(input));
if (tableReadersAtStart.length > 0) throw new Error(`the CLI loads the op-table readers at start:\n  ${tableReadersAtStart.slice(0, 5).join('\n  ')}`);

// The schemas are written in zod's mini API (src/core/zod.ts): its schemas carry no methods, so a start
// compiles only the zod functions they call (about 54 KB of zod, against 188 KB with the classic API,
// whose every schema holds all its methods and the JSON Schema processors). An import of 'zod' itself, the
// classic API, anywhere the CLI or the action loads at start fails the build here.
const mainChunk = Object.entries(metafile.outputs).find(([, output]) => 'src/main.ts' in output.inputs)?.[0];
if (!mainChunk) throw new Error('no chunk holds src/main.ts');
const classicZodAtStart = [cliChunk, mainChunk].flatMap((chunk) => startupInputs(metafile, path.resolve(root, chunk)))
  .filter((input) => /node_modules\/zod\/(v4\/classic|v3)\//.test(input));
if (classicZodAtStart.length > 0) throw new Error(`a start loads zod's classic API (import from 'zod/mini', through src/core/zod.ts):\n  ${[...new Set(classicZodAtStart)].slice(0, 5).join('\n  ')}`);

// The licences of the bundled packages travel with the bundle: vega and vega-lite (BSD-3-Clause), like
// most of the others, ask that their notice be reproduced in binary distributions, and dist/ is one.
await writeFile(path.join(outdir, 'THIRD_PARTY_NOTICES.txt'), await notices(Object.keys(metafile.inputs)));

// The JSON Schema users point their editors at, generated from the same zod schema the CLI validates with.
// Only the repo's build writes it; the tests compare the committed file with what their build prints.
if (process.argv[2] === undefined) {
  const schema = execFileSync(process.execPath, [path.join(outdir, 'cli.js'), 'schema'], { encoding: 'utf8' });
  await writeFile(path.join(root, 'roofline.schema.json'), schema);
}

/**
 * The inputs bundled in `entry` and in every chunk it imports statically, however deep: what a start
 * compiles; with `builtins`, the Node built-ins they import too (`node:crypto`).
 */
function startupInputs(metafile, entry, { builtins = false } = {}) {
  const outputs = new Map(Object.entries(metafile.outputs).map(([file, output]) => [path.resolve(root, file), output]));
  const loaded = new Set([entry]);
  const external = new Set();
  for (const file of loaded) {
    for (const { path: chunk, kind, external: isExternal } of outputs.get(file).imports) {
      if (kind !== 'import-statement') continue;
      if (isExternal) external.add(chunk);
      else loaded.add(path.resolve(root, chunk));
    }
  }
  return [...[...loaded].flatMap((file) => Object.keys(outputs.get(file).inputs)), ...(builtins ? external : [])];
}

/** Every package whose code is in the bundle, with its licence text, one block each, sorted by name. */
async function notices(inputs) {
  // A package is its folder under the last node_modules/ of an input's path (two levels for @scope/name);
  // keyed by folder, so two versions of one package, nested, are both listed.
  const dirs = new Set();
  for (const input of inputs) {
    const at = input.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const [first, second] = input.slice(at + 'node_modules/'.length).split('/');
    dirs.add(`${input.slice(0, at)}node_modules/${first.startsWith('@') ? `${first}/${second}` : first}`);
  }
  const blocks = [];
  for (const dir of dirs) {
    const manifest = JSON.parse(await readFile(path.join(root, dir, 'package.json'), 'utf8'));
    const licenceFile = (await readdir(path.join(root, dir))).find((file) => /^(licen[cs]e|copying)(\.|$)/i.test(file));
    const text = licenceFile ? (await readFile(path.join(root, dir, licenceFile), 'utf8')).trim() : `(no licence file in the package; package.json says ${manifest.license})`;
    blocks.push(`${manifest.name} ${manifest.version} (${manifest.license})\n\n${text}`);
  }
  blocks.sort();
  const rule = `\n\n${'-'.repeat(78)}\n\n`;
  return `roofline-gate's dist/ bundles the following packages. Their licences follow.${rule}${blocks.join(rule)}\n`;
}
