// The LLM tests' shared fixtures: the config.json files under fixtures/llm, widths and a workload builder.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { architectureFromText, type Architecture } from '../../src/core/llm/architecture.js';
import type { Workload } from '../../src/core/llm/generate.js';

export const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'llm');

/** fixtures/llm/NAME/config.json, read. */
export const read = (name: string): Architecture => {
  const file = path.join(FIXTURES, name, 'config.json');
  return architectureFromText(readFileSync(file, 'utf8'), file);
};

export const FP16 = { weights: 16, activations: 16, kv: 16 };

/** A decode of batch 1 against no cache, flash, with `overrides`. */
export const workload = (overrides: Partial<Workload>): Workload => ({ phase: 'decode', batch: 1, context: 0, prompt: 0, generate: 0, attention: 'flash', ...overrides });
