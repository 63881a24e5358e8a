// report.json (SPEC section 4): what every rendering (text, Markdown, chart, comment) is made from. The
// type is derived from the schema that validates a report file (schema.ts), so the two cannot drift.
export type { Report } from './schema.js';
export type { RemovedPair, ReportResult } from '../results.js';
