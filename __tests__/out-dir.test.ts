// The out dir and the folders above it, made one level at a time (src/shell/make-dir.ts): a path that cannot
// be made is an error within a second, naming the path and why, never Node's recursive mkdir spinning
// forever on procfs; and a failed write leaves the folder as it was.
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeDir, PathError, type DirCalls } from '../src/shell/make-dir.js';
import { writeOutDir } from '../src/shell/out-dir.js';
import { CLI } from './setup/dist.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const ARTIFACTS = { 'report.json': '{"new":true}', 'report.md': '# new' };
/** procfs answers ENOENT to a mkdir of a name it does not have: the case Node's recursive mkdir never settles on. */
const PROC = existsSync('/proc/self') ? '/proc' : null;
const onProc = PROC ? it : it.skip;
if (!PROC) process.stderr.write('out-dir.test.ts: no /proc on this machine; the procfs tests are skipped\n');

function temp(): string {
  return mkdtempSync(path.join(tmpdir(), 'roofline-outdir-'));
}

/** Settles within `ms`, or fails the test instead of hanging it. */
async function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => (timer = setTimeout(() => reject(new Error(`not settled within ${ms} ms`)), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function failure(work: Promise<unknown>): Promise<PathError> {
  const error = await within(1000, work.then(() => null, (e: unknown) => e));
  expect(error).toBeInstanceOf(PathError);
  return error as PathError;
}

describe('makeDir', () => {
  it('makes every missing level, top first, and says which it made; an existing folder makes nothing', async () => {
    const dir = temp();
    const deep = path.join(dir, 'a', 'b', 'c');
    expect(await makeDir(deep)).toEqual([path.join(dir, 'a'), path.join(dir, 'a', 'b'), deep]);
    expect(await makeDir(deep)).toEqual([]);
    expect(await makeDir(`${deep}${path.sep}`)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a relative path is made relative to the working directory', async () => {
    const dir = temp();
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      expect(await makeDir('x/y')).toEqual(['x', path.join('x', 'y')]);
      expect(existsSync(path.join(dir, 'x', 'y'))).toBe(true);
    } finally {
      process.chdir(cwd);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  onProc('under /proc: ENOENT within a second, naming the path and that /proc takes no new directories', async () => {
    const error = await failure(makeDir('/proc/nope'));
    expect([error.errno, error.path, error.message]).toEqual(['ENOENT', '/proc/nope', 'ENOENT: /proc/nope cannot be created: /proc exists but takes no new directories']);
    const deeper = await failure(makeDir('/proc/nope/deeper/still'));
    expect(deeper.message).toBe('ENOENT: /proc/nope cannot be created: /proc exists but takes no new directories');
  });

  it('a parent that is a file: ENOTDIR naming the file, and nothing made', async () => {
    const dir = temp();
    const file = path.join(dir, 'not-a-dir');
    writeFileSync(file, 'a file');
    const error = await failure(makeDir(path.join(file, 'out', 'deeper')));
    expect([error.errno, error.path, error.message]).toEqual(['ENOTDIR', file, `ENOTDIR: ${file} is a file, not a directory`]);
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
    // The out dir itself a file.
    expect((await failure(makeDir(file))).message).toBe(`ENOTDIR: ${file} is a file, not a directory`);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a level that is a link to nothing (the other case Node’s recursive mkdir loops on): EEXIST naming the link', async () => {
    const dir = temp();
    const link = path.join(dir, 'dangling');
    symlinkSync(path.join(dir, 'gone'), link);
    const error = await failure(makeDir(path.join(link, 'out')));
    expect([error.errno, error.path, error.message]).toEqual(['EEXIST', link, `EEXIST: ${link} is a symbolic link to something that does not exist, not a directory`]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a level that fails after others were made: they are removed again, deepest first', async () => {
    // A typed fake: /w exists; /w/a and /w/a/b are made; /w/a/b/c is refused with EACCES.
    const calls: string[] = [];
    const made = new Set(['/w']);
    const enoent = () => Object.assign(new Error('ENOENT: no such file or directory'), { code: 'ENOENT' });
    const fake: DirCalls = {
      stat: async (at) => {
        if (!made.has(at)) throw enoent();
        return { isDirectory: () => true, isFile: () => false };
      },
      lstat: async () => ({ isSymbolicLink: () => false }),
      mkdir: async (at) => {
        calls.push(`mkdir ${at}`);
        if (at === '/w/a/b/c') throw Object.assign(new Error("EACCES: permission denied, mkdir '/w/a/b/c'"), { code: 'EACCES' });
        made.add(at);
      },
      rmdir: async (at) => {
        calls.push(`rmdir ${at}`);
        made.delete(at);
      },
    };
    const error = await failure(makeDir('/w/a/b/c', fake));
    expect(error.message).toBe('EACCES: /w/a/b/c cannot be created: permission denied');
    expect(calls).toEqual(['mkdir /w/a', 'mkdir /w/a/b', 'mkdir /w/a/b/c', 'rmdir /w/a/b', 'rmdir /w/a']);
    expect([...made]).toEqual(['/w']);
  });

  it('a folder made meanwhile by another process (EEXIST on a folder) is fine', async () => {
    const dir = temp();
    const racing: DirCalls = {
      stat: (at) => import('node:fs/promises').then((fs) => fs.stat(at)),
      lstat: (at) => import('node:fs/promises').then((fs) => fs.lstat(at)),
      mkdir: async (at) => {
        mkdirSync(at); // the other process, first
        throw Object.assign(new Error('EEXIST: file already exists'), { code: 'EEXIST' });
      },
      rmdir: async () => undefined,
    };
    expect(await makeDir(path.join(dir, 'out'), racing)).toEqual([]);
    expect(existsSync(path.join(dir, 'out'))).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('writeOutDir', () => {
  onProc('under /proc: the error within a second, nothing written', async () => {
    const error = await failure(writeOutDir('/proc/nope', ARTIFACTS));
    expect(error.message).toBe('ENOENT: /proc/nope cannot be created: /proc exists but takes no new directories');
  });

  it('a parent that is a file: the error names it, nothing is made', async () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'not-a-dir'), 'a file');
    const error = await failure(writeOutDir(path.join(dir, 'not-a-dir', 'out'), ARTIFACTS));
    expect(error.message).toBe(`ENOTDIR: ${path.join(dir, 'not-a-dir')} is a file, not a directory`);
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a file that cannot be written: the earlier files stay as they were, no temporary file is left', async () => {
    const dir = temp();
    writeFileSync(path.join(dir, 'report.json'), '{"old":true}');
    writeFileSync(path.join(dir, 'report.md'), '# old');
    // A folder where report.md's temporary file goes: its write fails (EISDIR), report.json's succeeds.
    const blocker = path.join(dir, `.report.md.${process.pid}.tmp`);
    mkdirSync(blocker);
    const error = await failure(writeOutDir(dir, ARTIFACTS));
    expect([error.errno, error.path]).toEqual(['EISDIR', path.join(dir, 'report.md')]);
    expect(error.message).toBe(`EISDIR: ${path.join(dir, 'report.md')} cannot be written: illegal operation on a directory`);
    expect([readFileSync(path.join(dir, 'report.json'), 'utf8'), readFileSync(path.join(dir, 'report.md'), 'utf8')]).toEqual(['{"old":true}', '# old']);
    expect(readdirSync(dir).sort()).toEqual([`.report.md.${process.pid}.tmp`, 'report.json', 'report.md']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('a failed write in folders it made: they are removed again, the path is as it was', async () => {
    const dir = temp();
    const out = path.join(dir, 'new', 'out');
    // A name with a folder that is not there stands for a write that fails (ENOENT) after makeDir made `new/out`.
    const artifacts = { ...ARTIFACTS, 'sub/x.json': '{}' } as typeof ARTIFACTS;
    const error = await failure(writeOutDir(out, artifacts));
    expect(error.message).toBe(`ENOENT: ${path.join(out, 'sub', 'x.json')} cannot be written: no such file or directory`);
    expect(readdirSync(dir)).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes every file into a new folder, and replaces the files of an earlier run', async () => {
    const dir = temp();
    const out = path.join(dir, 'new', 'out');
    expect(await writeOutDir(out, ARTIFACTS)).toEqual([path.join(out, 'report.json'), path.join(out, 'report.md')]);
    expect(await writeOutDir(out, { 'report.json': '{"again":true}', 'report.md': '# again' })).toEqual([path.join(out, 'report.json'), path.join(out, 'report.md')]);
    expect(readdirSync(out).sort()).toEqual(['report.json', 'report.md']);
    expect(readFileSync(path.join(out, 'report.json'), 'utf8')).toBe('{"again":true}');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('roofline-gate check --out (the bundled CLI)', () => {
  const config = path.join(ROOT, 'examples', 'roofline.yml');
  const check = (out: string) => spawnSync(process.execPath, [CLI, 'check', '--config', config, '--out', out], { encoding: 'utf8', timeout: 10_000 });

  onProc('under /proc: exit 2 within seconds (it hung at full CPU), naming the path and the reason', () => {
    const started = Date.now();
    const result = check('/proc/nope');
    // Node itself takes ~0.5 s to start and analyse here; the hang was killed by the 10 s timeout (status null).
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.status).toBe(2);
    expect(result.stdout).toMatch(/^MODEL/m);
    expect(result.stderr.split('\n')[0]).toBe('roofline-gate: --out /proc/nope: cannot write the report there (ENOENT: /proc/nope cannot be created: /proc exists but takes no new directories)');
  });

  it('a parent that is a file: exit 2, naming the file', () => {
    const dir = temp();
    const file = path.join(dir, 'not-a-dir');
    writeFileSync(file, 'a file');
    const result = check(path.join(file, 'out'));
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe(`roofline-gate: --out ${path.join(file, 'out')}: cannot write the report there (ENOTDIR: ${file} is a file, not a directory)`);
    expect(readdirSync(dir)).toEqual(['not-a-dir']);
    rmSync(dir, { recursive: true, force: true });
  });
});
