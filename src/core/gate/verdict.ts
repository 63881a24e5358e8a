// The gate's status from its findings: the worst severity wins.
import type { Finding, Status } from './types.js';

/** `fail` when any finding fails, else `warn` when any warns, else `pass`. */
export function verdict(findings: readonly Finding[]): Status {
  if (findings.some((finding) => finding.severity === 'fail')) return 'fail';
  return findings.length > 0 ? 'warn' : 'pass';
}
