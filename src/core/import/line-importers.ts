// The importers of text reports (fvcore, DeepSpeed, torchstat), fed one line at a time by the shell.
import { ConfigError } from '../config/errors.js';
import { DeepSpeedReader } from './deepspeed.js';
import { FvcoreReader } from './fvcore.js';
import type { Imported, ToolFormat } from './imported.js';

export interface LineImporter {
  line(text: string, number: number): void;
  finish(): Imported;
}

export function lineImporter(format: Exclude<ToolFormat, 'ncu'>, file: string): LineImporter {
  if (format === 'fvcore') return new FvcoreReader(file);
  if (format === 'deepspeed') return new DeepSpeedReader(file);
  throw ConfigError.at(file, { line: 1, column: 1 }, [], `${format} tables are not read yet: convert it to an op table (name,macs,bytes) by hand, or use fvcore or FlopCounterMode`);
}
