// Findings as annotations on the config's own lines, where the pull request's diff shows them; and a bad
// config as an error annotation on the line at fault.
import path from 'node:path';
import * as core from '@actions/core';
import type { ConfigError } from '../core/config/index.js';
import { ANNOTATIONS_SHOWN as SHOWN } from '../core/limits.js';
import { findingGroups, groupLine } from '../core/report/finding-groups.js';
import type { Report } from '../core/report/types.js';
import type { Analysis } from './analysis.js';

export interface FindingAnnotation {
  severity: 'fail' | 'warn';
  title: string;
  message: string;
  /** The model whose config line it marks; none for the line that counts the rest. */
  model?: string;
}

/**
 * One annotation per model and cause (finding-groups.ts), its line first and then each of its findings;
 * per severity at most ANNOTATIONS_SHOWN, as many as GitHub shows, the last of them counting the rest when
 * there are more (report.json's findings and those it does not list, listed.ts).
 */
export function findingAnnotations(report: Pick<Report, 'findings' | 'moreFindings' | 'results'>): FindingAnnotation[] {
  const groups = findingGroups(report);
  return (['fail', 'warn'] as const).flatMap((severity) => {
    const same = groups.filter((group) => group.severity === severity);
    const notListed = report.moreFindings?.[severity] ?? 0;
    const shown = same.length > SHOWN || (notListed > 0 && same.length === SHOWN) ? same.slice(0, SHOWN - 1) : same;
    const rest = same.slice(shown.length);
    const annotations = shown.map((group): FindingAnnotation => ({
      severity,
      model: group.model,
      title: `roofline-gate: ${[...new Set(group.findings.map((finding) => finding.rule))].join(', ')}`,
      message: [groupLine(group), ...group.findings.map((finding) => `- ${finding.severity}: ${finding.message}`)].join('\n'),
    }));
    if (rest.length === 0 && notListed === 0) return annotations;
    const findings = rest.reduce((count, group) => count + group.findings.length, 0);
    const word = severity === 'fail' ? 'failing' : 'warning';
    const parts = [
      ...(rest.length > 0 ? [`${rest.length} more ${word} models or causes (${findings} findings)`] : []),
      ...(notListed > 0 ? [`${notListed} more ${word} findings not listed in report.json`] : []),
    ];
    const more = `…and ${parts.join(', and ')}: see the job summary.`;
    return [...annotations, { severity, title: 'roofline-gate', message: more }];
  });
}

export function annotateFindings({ report, positions }: Analysis, workspace: string): void {
  for (const { severity, title, message, model } of findingAnnotations(report)) {
    const at = model === undefined ? undefined : positions?.get(model);
    const annotate = severity === 'fail' ? core.error : core.warning;
    annotate(message, { title, ...(at ? { file: inRepo(at.file, workspace), startLine: at.line, startColumn: at.column } : {}) });
  }
}

export function annotateConfigError(error: ConfigError, workspace: string): void {
  for (const issue of error.issues.slice(0, SHOWN)) {
    core.error(`${issue.path === '' ? '' : `${issue.path}: `}${issue.message}`, {
      title: 'roofline-gate: bad config',
      file: inRepo(issue.file, workspace),
      startLine: issue.line,
      startColumn: issue.column,
    });
  }
}

/** Annotations name files relative to the repository root, with forward slashes. */
function inRepo(file: string, workspace: string): string {
  return path.relative(workspace, path.resolve(file)).split(path.sep).join('/');
}
