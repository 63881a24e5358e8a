// report.json (SPEC section 4): what every rendering (text, Markdown, chart, comment) is made from.
import type { Advice, Finding, Snapshot, Status } from '../gate/types.js';
import type { Result } from '../types.js';

export interface ReportResult extends Result {
  /** The baseline's figures for the same model and hardware; null when the pair is new or there is no baseline. */
  base: Snapshot | null;
}

export interface RemovedPair {
  model: string;
  hardware: string;
  base: Snapshot;
}

export interface Report {
  version: 1;
  status: Status;
  /** Where the baseline came from (`--base old.yml`, `git:main`, ...); null when there was none. */
  baseline: string | null;
  results: ReportResult[];
  /** Pairs only in the baseline. */
  removed: RemovedPair[];
  findings: Finding[];
  advice: Advice[];
}
