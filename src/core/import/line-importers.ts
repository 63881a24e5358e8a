// The importers of text reports (fvcore, DeepSpeed, torchstat), fed one line at a time by the shell.
import { DeepSpeedReader } from './deepspeed.js';
import { FvcoreReader } from './fvcore.js';
import { TorchstatReader } from './torchstat.js';
import type { Imported, ToolFormat } from './imported.js';

export interface LineImporter {
  line(text: string, number: number): void;
  finish(): Imported;
}

export function lineImporter(format: Exclude<ToolFormat, 'ncu'>, file: string): LineImporter {
  if (format === 'fvcore') return new FvcoreReader(file);
  if (format === 'deepspeed') return new DeepSpeedReader(file);
  return new TorchstatReader(file);
}
