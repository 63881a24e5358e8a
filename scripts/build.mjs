// One command builds dist/: `npm run build`. Both entry points are bundled as ES modules with every
// dependency inside, so `node dist/cli.js` and the action run from a fresh clone with no install.
// Code splitting keeps heavy, rarely needed code (vega for the chart) in chunks loaded on demand.
//
//   node scripts/build.mjs        dist/ and roofline.schema.json, the files committed in the repo
//   node scripts/build.mjs DIR    the bundle in DIR only, nothing in the repo touched (the tests build so)
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outdir = process.argv[2] === undefined ? path.join(root, 'dist') : path.resolve(process.argv[2]);

await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: path.join(root, 'src/cli.ts'), index: path.join(root, 'src/index.ts') },
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
});

// The JSON Schema users point their editors at, generated from the same zod schema the CLI validates with.
// Only the repo's build writes it; the tests compare the committed file with what their build prints.
if (process.argv[2] === undefined) {
  const schema = execFileSync(process.execPath, [path.join(outdir, 'cli.js'), 'schema'], { encoding: 'utf8' });
  await writeFile(path.join(root, 'roofline.schema.json'), schema);
}
