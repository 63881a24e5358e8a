// The device of the gate's and the per-op comparison's tests, with round numbers so that every figure in
// their comments can be worked out by hand: fp16 roof 100 TFLOP/s; DRAM 1 TB/s (ridge 100 FLOP/B); L2 5 TB/s
// (ridge 20 FLOP/B).
import type { Device } from '../../src/core/types.js';

export const toy: Device = {
  id: 'toy',
  name: 'Toy',
  flopsPerSecond: { fp16: 100e12 },
  levels: [{ name: 'dram', bytesPerSecond: 1e12 }, { name: 'l2', bytesPerSecond: 5e12 }],
  builtIn: false,
};
