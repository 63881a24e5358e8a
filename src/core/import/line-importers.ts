// The importers of text reports (fvcore, DeepSpeed, torchstat), fed one line at a time by the shell.
import type { Imported, ToolFormat } from './imported.js';

export interface LineImporter {
  line(text: string, number: number): void;
  finish(): Imported;
}

export function lineImporter(format: Exclude<ToolFormat, 'ncu'>, file: string): LineImporter {
  throw new Error(`${format} ${file}: not yet`);
}
