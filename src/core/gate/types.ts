// What the gate decides and the advice it gives. The shapes are defined once, with their validation, in
// results.ts (report.json carries them as they are); this module names them for the gate's own code.
export type { Advice, AdviceKind, AdviceNote, Finding, RemovedPair, ReportResult, RuleId, Severity, Snapshot, Status } from '../results.js';
