// One command builds dist/: `npm run build`. Both entry points are bundled as ES modules with every
// dependency inside, so `node dist/cli.js` and the action run from a fresh clone with no install.
// Code splitting keeps heavy, rarely needed code (vega for the chart) in chunks loaded on demand.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

await rm('dist', { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts', index: 'src/index.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'linked',
  // Some bundled dependencies are CommonJS and call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The JSON Schema users point their editors at, generated from the same zod schema the CLI validates with.
const { execFileSync } = await import('node:child_process');
const { writeFileSync } = await import('node:fs');
writeFileSync('roofline.schema.json', execFileSync(process.execPath, ['dist/cli.js', 'schema'], { encoding: 'utf8' }));
