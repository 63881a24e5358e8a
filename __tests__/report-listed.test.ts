// report.json lists at most MAX_REPORT_ITEMS findings and advice items, and only while the file stays within
// REPORT_MAX_BYTES (report/listed.ts): a valid config can give more, and the report it writes must read back.
// The reports are assembled in-process from a real one (the fixtures'), with hand-made findings and advice.
import { describe, expect, it } from '@jest/globals';
import { findingAnnotations } from '../src/action/annotations.js';
import { MAX_REPORT_ITEMS, MESSAGE_LENGTH, NAME_LENGTH, REPORT_MAX_BYTES } from '../src/core/limits.js';
import { parseConfig, resolveConfig } from '../src/core/config/index.js';
import { assembleReport, buildReport, reportJson, type ReportTop } from '../src/core/report/build.js';
import { adviceTotal, findingCounts, listed, listedBytes, MARKER_BYTES, moreText } from '../src/core/report/listed.js';
import { renderMarkdown } from '../src/core/report/markdown.js';
import { parseReport, ReportFileError, unreadableReport } from '../src/core/report/schema.js';
import { renderText } from '../src/core/report/text.js';
import type { Advice, Finding, Severity } from '../src/core/results.js';
import { FAILING } from './__fixtures__/report.js';

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');
const finding = (severity: Severity): Finding => ({ rule: 'max-latency', severity, model: 'm', hardware: 'd', message: 'x' });
const item: Advice = { model: 'm', hardware: 'd', kind: 'raise-batch', message: 'x', throughput: 2, gain: 2, change: { figure: 'batch', before: 1, after: 2 } };
const { findings: _f, advice: _a, notes: _n, ...top } = FAILING;
const TOP: ReportTop = top;
const empty = { ...TOP, findings: [], advice: [], notes: [] };

describe('listedBytes', () => {
  it('is what listing an item adds to report.json: a small finding 132 bytes, and 2 for a list that is no longer empty', () => {
    // JSON.stringify(finding('fail'), null, 2) is 7 lines: `{` 1, `  "rule": "max-latency",` 24,
    // `  "severity": "fail",` 21, `  "model": "m",` 15, `  "hardware": "d",` 18, `  "message": "x"` 16,
    // `}` 1, and 6 newlines: 102 bytes. Listed: 4 more spaces on each of the 7 lines (28) and `,\n` (2): 132.
    expect(listedBytes(finding('fail'))).toBe(132);
    expect(bytes(reportJson({ ...empty, findings: [finding('fail')] })) - bytes(reportJson(empty))).toBe(132 + 2);
    expect(bytes(reportJson({ ...empty, findings: [finding('fail'), finding('warn')] })) - bytes(reportJson(empty))).toBe(2 * 132 + 2);
  });

  it('of the largest finding and advice item is what limits.ts derives: 17,539 and 14,295 bytes', () => {
    // Names of control characters (6 bytes each in JSON), ASCII ids and levels at NAME_LENGTH, messages at
    // MESSAGE_LENGTH, numbers of 24 characters: the items of the derivation beside REPORT_MAX_BYTES.
    const wide = (length: number) => '\u0001'.repeat(length);
    const ascii = 'a'.repeat(NAME_LENGTH);
    const number = -2.2250738585072014e-308;
    const largestFinding: Finding = {
      rule: 'max-crossover-batch', severity: 'warn', model: wide(NAME_LENGTH), hardware: ascii, message: wide(MESSAGE_LENGTH),
      level: ascii, before: number, after: number, limit: number, ops: [wide(NAME_LENGTH), wide(NAME_LENGTH), wide(NAME_LENGTH)],
    };
    const largestAdvice: Advice = {
      model: wide(NAME_LENGTH), hardware: ascii, kind: 'quantize-activations', message: wide(MESSAGE_LENGTH), throughput: number, gain: number,
      change: { figure: `bytes.${ascii}`, before: ascii, after: ascii },
    };
    expect([listedBytes(largestFinding), listedBytes(largestAdvice)]).toEqual([17_539, 14_295]);
    // So MAX_REPORT_ITEMS of either would be far over the file's cap: the cap on items alone is not enough.
    expect(MAX_REPORT_ITEMS * 14_295).toBeGreaterThan(10 * REPORT_MAX_BYTES);
  });
});

describe('a report just past MAX_REPORT_ITEMS', () => {
  // 99,999 failing findings and 3 warning ones (failures first, as the gate orders them): 100,002 in all.
  // report.json lists the first 100,000 (99,999 failing, 1 warning) and counts the 2 warning ones left.
  // 100,001 advice items: 100,000 listed, 1 counted. Their bytes (132 a finding, under 300 an item) are
  // some 43 MB, well within the file's cap, so the item cap is what cuts.
  const findings = [...Array.from({ length: MAX_REPORT_ITEMS - 1 }, () => finding('fail')), ...Array.from({ length: 3 }, () => finding('warn'))];
  const advice = Array.from({ length: MAX_REPORT_ITEMS + 1 }, () => item);
  const report = assembleReport(TOP, findings, advice, []);

  it('lists 100,000 of each and counts the rest exactly; the status is the one decided on all', () => {
    expect(report.findings).toHaveLength(100_000);
    expect(report.findings.filter((f) => f.severity === 'warn')).toHaveLength(1);
    expect(report.moreFindings).toEqual({ fail: 0, warn: 2 });
    expect(report.advice).toHaveLength(100_000);
    expect(report.moreAdvice).toBe(1);
    expect(report.status).toBe('fail');
    expect(findingCounts(report)).toEqual({ fail: 99_999, warn: 3 });
    expect(adviceTotal(report)).toBe(100_001);
  });

  it('reads back equal, where the uncut list is refused', () => {
    const text = reportJson(report);
    expect(bytes(text)).toBeLessThanOrEqual(REPORT_MAX_BYTES);
    // Written again, what was read is the same text: equal, compared in a fraction of toEqual's time.
    const read = parseReport(text, 'report.json');
    expect(reportJson(read)).toBe(text);
    expect([read.moreFindings, read.moreAdvice, read.status]).toEqual([{ fail: 0, warn: 2 }, 1, 'fail']);
    const uncut = { ...report, findings, moreFindings: undefined, advice: [], moreAdvice: undefined };
    expect(() => parseReport(reportJson(uncut), 'report.json')).toThrow(/findings: Too big/i);
  });
});

describe('listed within a size', () => {
  const rest = bytes(reportJson(empty));

  it('lists items while they fit, findings first, and counts the rest', () => {
    // Room for the markers, both lists' 2 bytes, and two findings of 132: the third finding and both advice
    // items do not fit.
    const limits = { items: 10, bytes: rest + MARKER_BYTES + 4 + 2 * 132 };
    const lists = listed([finding('fail'), finding('fail'), finding('warn')], [item, item], rest, limits);
    expect(lists).toEqual({ findings: [finding('fail'), finding('fail')], moreFindings: { fail: 0, warn: 1 }, advice: [], moreAdvice: 2 });
    // The file: the rest, 2 + 2 x 132 for the findings, `,\n  "moreFindings": {\n    "fail": 0,\n    "warn": 1\n  }`
    // (2 + 19 + 1 + 12 + 1 + 2 + 12 + 1 + 1 + 3 = 54) and `,\n  "moreAdvice": 2` (2 + 16 + 1 = 19): rest + 339.
    const text = reportJson({ ...TOP, ...lists, notes: [] });
    expect(bytes(text)).toBe(rest + 339);
    expect(bytes(text)).toBeLessThanOrEqual(limits.bytes);
  });

  it('writes no marker when everything is listed', () => {
    expect(listed([finding('warn')], [item], rest)).toEqual({ findings: [finding('warn')], advice: [item] });
  });
});

describe('the status of a report that lists fewer findings than it has', () => {
  const nothingListed = { ...empty, status: 'fail', moreFindings: { fail: 1, warn: 0 } };

  it('counts the findings left out: fail with none listed reads back, pass is refused', () => {
    expect(parseReport(JSON.stringify(nothingListed), 'report.json').moreFindings).toEqual({ fail: 1, warn: 0 });
    expect(() => parseReport(JSON.stringify({ ...nothingListed, status: 'pass' }), 'report.json')).toThrow(ReportFileError);
    expect(() => parseReport(JSON.stringify({ ...nothingListed, status: 'pass' }), 'report.json')).toThrow(/status does not match/);
  });
});

describe('renderings of a cut report', () => {
  // FAILING's three failing findings, and 5 failing and 2 warning ones not listed: 8 failing, 2 warning.
  const cut = { ...FAILING, moreFindings: { fail: 5, warn: 2 }, moreAdvice: 4 };

  it('count every finding and advice item, and say how many report.json does not list', () => {
    expect(FAILING.findings.map((f) => f.severity)).toEqual(['fail', 'fail', 'fail']);
    const text = renderText(cut);
    expect(text).toContain('... 7 more findings not listed in report.json (it lists at most 100,000, within 128 MiB)');
    expect(text).toContain(', 8 fail, 2 warn, ');
    const markdown = renderMarkdown(cut, { limit: null });
    expect(markdown).toContain('8 failing and 2 warning findings');
    expect(markdown).toContain('<summary>Findings (10)</summary>');
    expect(markdown).toContain('- _…and 7 more findings not listed in report.json (it lists at most 100,000, within 128 MiB)_');
    expect(markdown).toContain(`<summary>Advice (${FAILING.advice.length + 4})</summary>`);
  });

  it('annotate the findings not listed, one line per severity after the groups', () => {
    // FAILING's findings are all vgg16's, of one cause: one failing group, then the counts left out.
    const annotations = findingAnnotations(cut);
    expect(annotations.map((a) => [a.severity, a.model ?? null])).toEqual([['fail', 'vgg16'], ['fail', null], ['warn', null]]);
    expect(annotations[1]!.message).toBe('…and 5 more failing findings not listed in report.json: see the job summary.');
    expect(annotations[2]!.message).toBe('…and 2 more warning findings not listed in report.json: see the job summary.');
  });

  it('moreText joins what report.json has and what it does not', () => {
    expect(moreText(3, 0, 'findings')).toBe('3 more findings in report.json');
    expect(moreText(3, 7, '')).toBe('3 more in report.json, and 7 more not listed in it (it lists at most 100,000, within 128 MiB)');
    expect(moreText(0, 0, '')).toBeNull();
  });
});

describe('an advice item about a level whose name is NAME_LENGTH long', () => {
  it('reads back: its figure, `bytes.` and the name, is 206 characters', () => {
    // One memory-bound model on a device whose one level has a 200-character name: 1 GFLOP over 1 GB at
    // 100 GB/s and 100 TFLOP/s is far left of the ridge, so fusing kernels is advised at that level.
    const level = `l${'x'.repeat(NAME_LENGTH - 1)}`;
    const yaml = [
      'version: 1',
      'devices:',
      `  npu: { name: NPU, compute: { fp16: 100 TFLOP/s }, memory: { ${level}: 100 GB/s } }`,
      'hardware: [npu]',
      'models:',
      `  - { name: m, precision: fp16, flops: 1 GFLOP, bytes: { ${level}: 1 GB } }`,
    ].join('\n');
    const parsed = parseConfig(yaml, 'roofline.yml');
    const built = buildReport(resolveConfig(parsed.raw, parsed, new Map()), null, null);
    const figures = built.advice.map((a) => a.change.figure);
    expect(figures).toContain(`bytes.${level}`);
    expect(`bytes.${level}`).toHaveLength(206);
    expect(parseReport(reportJson(built), 'report.json')).toEqual(built);
  });
});

describe('a report.json too large to read back is said when it is written', () => {
  it('is silent up to REPORT_MAX_BYTES bytes and names the size one byte past it, counting bytes, not characters', () => {
    const limit = 128 * 1024 * 1024; // 134,217,728 bytes
    expect(unreadableReport('a'.repeat(limit))).toBeNull();
    // 'é' is 2 bytes in UTF-8: limit / 2 of them are exactly the limit in 67,108,864 characters.
    const accents = 'é'.repeat(limit / 2);
    expect(unreadableReport(accents)).toBeNull();
    expect(unreadableReport(`${accents}a`)).toBe(
      "report.json is 134,217,729 bytes, more than the 128 MiB a run reads back: it is written, but cannot be a later run's baseline or history entry (fewer pairs or changed ops make it fit)",
    );
  });
});
