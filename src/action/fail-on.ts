// What `fail-on` makes of a verdict: the one rule the step's exit status and the check run's conclusion share.
import type { Report } from '../core/report/types.js';
import type { FailOn } from './inputs.js';

/** True when `status` fails the step under `failOn`: `fail` on failing findings, `warn` on warnings too, `never` never. */
export function failsStep(status: Report['status'], failOn: FailOn): boolean {
  return failOn === 'fail' ? status === 'fail' : failOn === 'warn' ? status !== 'pass' : false;
}
