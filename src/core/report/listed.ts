// What report.json lists of the findings and the advice, and how many more there were (`moreFindings`,
// `moreAdvice`), so that the report a run writes always reads back (schema.ts). A config may have
// MAX_PAIRS pairs, each with up to 40 findings and 5 advice items, more than the reader takes in two ways:
// more than MAX_REPORT_ITEMS items in a list (results.ts's `list`), and more than REPORT_MAX_BYTES in the
// file (limits.ts derives the sizes). So the lists stop at whichever comes first. Every count a rendering
// or an output shows is of them all (the totals below), and the verdict is decided on every finding before
// any is left out (gate/index.ts): the cut never changes it.
import { wholeNumber } from '../format.js';
import { MAX_REPORT_ITEMS, REPORT_MAX_BYTES, type SizeLimit } from '../limits.js';
import type { Advice, Finding, MoreFindings, Severity } from '../results.js';
import { sizeIn } from '../text-size.js';
import type { Report } from './types.js';

/** The report's lists as report.json carries them: the markers only when something is left out. */
export type Listed = Pick<Report, 'findings' | 'advice' | 'moreFindings' | 'moreAdvice'>;

/** How much report.json may hold: items per list, and bytes in all. */
export interface ListLimits {
  items: number;
  bytes: number;
}

const LIMITS: ListLimits = { items: MAX_REPORT_ITEMS, bytes: REPORT_MAX_BYTES };
const BYTES: SizeLimit = { bytes: REPORT_MAX_BYTES };

/**
 * The most bytes the two markers add to report.json (reportJson's layout, a count at most 16 digits, as
 * every safe integer is): `,\n  "moreFindings": {\n    "fail": F,\n    "warn": W\n  }` is 2 + 19 + 1 +
 * 12 + 16 + 2 + 12 + 16 + 1 + 3 = 84 bytes, and `,\n  "moreAdvice": A` 2 + 16 + 16 = 34: 118.
 */
export const MARKER_BYTES = 118;

/**
 * The bytes that listing `item` adds to a list in report.json (reportJson's layout, a list two levels
 * deep): its own JSON with every line indented 4 more spaces (4 a line), and `,\n` after it (2): the
 * bytes of JSON.stringify(item, null, 2), plus 4 a line, plus 2. A list of n >= 1 items takes 2 bytes
 * more than the sum (`[\n` and `\n  ]` for `[]`, one separator fewer than items).
 */
export function listedBytes(item: unknown): number {
  const text = JSON.stringify(item, null, 2);
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines += 1;
  return sizeIn(text, BYTES) + 4 * lines + 2;
}

/**
 * The findings and advice items report.json lists: the first of each while there are at most
 * `limits.items` in a list and the file stays within `limits.bytes`, findings first, with counts of the
 * rest. `restBytes` is the size of report.json with both lists empty and no markers. Findings come
 * failures first (gate/index.ts), so the listed ones hold the worst severity whenever one is listed.
 *
 *   listed(findings, advice, rest) // 100,001 findings: at most the first 100,000, moreFindings { fail, warn } of the rest
 */
export function listed(findings: readonly Finding[], advice: readonly Advice[], restBytes: number, limits: ListLimits = LIMITS): Listed {
  // Each non-empty list adds 2 bytes beyond its items (listedBytes).
  let room = limits.bytes - restBytes - MARKER_BYTES - 2 - 2;
  const take = <T>(items: readonly T[]): T[] => {
    let count = 0;
    while (count < Math.min(items.length, limits.items)) {
      const bytes = listedBytes(items[count]);
      if (bytes > room) break;
      room -= bytes;
      count += 1;
    }
    return items.slice(0, count);
  };
  const listedFindings = take(findings);
  const listedAdvice = take(advice);
  const left = findings.slice(listedFindings.length);
  const more = (severity: Severity) => left.filter((finding) => finding.severity === severity).length;
  return {
    findings: listedFindings,
    ...(left.length > 0 && { moreFindings: { fail: more('fail'), warn: more('warn') } }),
    advice: listedAdvice,
    ...(advice.length > listedAdvice.length && { moreAdvice: advice.length - listedAdvice.length }),
  };
}

/** What counting the findings needs (written out, not picked from Report: schema.ts's check of the status counts them). */
type Counted = { findings: ReadonlyArray<{ severity: Severity }>; moreFindings?: MoreFindings | undefined };

/** Every finding of the report by severity, listed or not. */
export function findingCounts(report: Counted): MoreFindings {
  const listedOf = (severity: Severity) => report.findings.filter((finding) => finding.severity === severity).length;
  return { fail: listedOf('fail') + (report.moreFindings?.fail ?? 0), warn: listedOf('warn') + (report.moreFindings?.warn ?? 0) };
}

/** Every finding of the report, listed or not. */
export function findingTotal(report: Counted): number {
  return report.findings.length + (report.moreFindings?.fail ?? 0) + (report.moreFindings?.warn ?? 0);
}

/** Every advice item of the report, listed or not. */
export function adviceTotal(report: Pick<Report, 'advice' | 'moreAdvice'>): number {
  return report.advice.length + (report.moreAdvice ?? 0);
}

/**
 * What a rendering says after the items it shows: how many more report.json lists, and how many more it
 * does not; null when it showed them all. `what` names them ('' for none).
 *
 *   moreText(3, 0, 'findings') //=> '3 more findings in report.json'
 *   moreText(3, 7, '') //=> '3 more in report.json, and 7 more not listed in it (it lists at most 100,000, within 128 MiB)'
 */
export function moreText(inReport: number, notListed: number, what: string): string | null {
  const more = (count: number) => `${wholeNumber(count)} more${what === '' ? '' : ` ${what}`}`;
  const parts = [
    ...(inReport > 0 ? [`${more(inReport)} in report.json`] : []),
    ...(notListed > 0 ? [`${more(notListed)} not listed in ${inReport > 0 ? 'it' : 'report.json'} (it lists at most ${wholeNumber(MAX_REPORT_ITEMS)}, within ${REPORT_MAX_BYTES / 1024 / 1024} MiB)`] : []),
  ];
  return parts.length === 0 ? null : parts.join(', and ');
}
