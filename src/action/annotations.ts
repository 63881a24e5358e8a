// Findings as annotations on the config's own lines, where the pull request's diff shows them; and a bad
// config as an error annotation on the line at fault.
import path from 'node:path';
import * as core from '@actions/core';
import type { ConfigError } from '../core/config/index.js';
import { ANNOTATIONS_SHOWN as SHOWN } from '../core/limits.js';
import type { Analysis } from './analysis.js';


export function annotateFindings({ report, positions }: Analysis, workspace: string): void {
  for (const severity of ['fail', 'warn'] as const) {
    const findings = report.findings.filter((finding) => finding.severity === severity);
    const annotate = severity === 'fail' ? core.error : core.warning;
    for (const finding of findings.slice(0, SHOWN)) {
      const at = positions?.get(finding.model);
      annotate(finding.message, {
        title: `roofline-gate: ${finding.rule}`,
        ...(at ? { file: inRepo(at.file, workspace), startLine: at.line, startColumn: at.column } : {}),
      });
    }
    if (findings.length > SHOWN) annotate(`…and ${findings.length - SHOWN} more ${severity} findings: see the job summary.`, { title: 'roofline-gate' });
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
