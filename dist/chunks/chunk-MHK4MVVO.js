import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/units.ts
var DECIMAL = { "": 1, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
var BINARY = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
var TIME = { s: 1, ms: 1e-3, us: 1e-6, "\xB5s": 1e-6, "\u03BCs": 1e-6, ns: 1e-9 };
var COUNT_WORDS = { FLOP: 1, FLOPs: 1, OP: 1, OPs: 1, MAC: 2, MACs: 2 };
var RATE_WORDS = {
  "FLOP/s": 1,
  "FLOPs/s": 1,
  FLOPS: 1,
  "OP/s": 1,
  "OPs/s": 1,
  OPS: 1,
  "MAC/s": 2,
  "MACs/s": 2
};
var UNITS = {
  flops: withPrefixes(COUNT_WORDS, DECIMAL),
  flopRate: withPrefixes(RATE_WORDS, DECIMAL),
  bytes: new Map([...withPrefixes({ B: 1 }, DECIMAL), ...withPrefixes({ B: 1 }, BINARY)]),
  byteRate: new Map([...withPrefixes({ "B/s": 1 }, DECIMAL), ...withPrefixes({ "B/s": 1 }, BINARY)]),
  seconds: new Map(Object.entries(TIME)),
  perSecond: /* @__PURE__ */ new Map([["/s", 1], ["samples/s", 1], ["tokens/s", 1], ["images/s", 1], ["sequences/s", 1]]),
  fraction: /* @__PURE__ */ new Map([["%", 0.01]])
};
function withPrefixes(words, prefixes) {
  const out = /* @__PURE__ */ new Map();
  for (const [word, worth] of Object.entries(words)) {
    for (const [prefix, factor] of Object.entries(prefixes)) out.set(prefix + word, worth * factor);
  }
  return out;
}
var EXPECTED = {
  flops: "a FLOP count such as 4.1 GFLOP, 350 MFLOP or 2 GMAC",
  bytes: "a byte count such as 86 MB, 1.5 GiB or 4096 B",
  flopRate: "a compute rate such as 19.5 TFLOP/s, 312 TFLOPS or 624 TOP/s",
  byteRate: "a bandwidth such as 1555 GB/s or 3.35 TB/s",
  seconds: "a time such as 2.5 ms, 120 us or 0.01 s",
  perSecond: "a rate such as 1000/s or 50 tokens/s",
  fraction: "a percentage such as 5%"
};
var NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
function parseQuantity(input, dimension) {
  const expected = EXPECTED[dimension];
  if (typeof input === "number") {
    if (dimension === "fraction") return { ok: false, expected: `${expected} (a string with %, not a bare number)` };
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, expected: `${expected}, not ${input}` };
  }
  if (typeof input !== "string") return { ok: false, expected };
  const text = input.trim();
  const number = NUMBER.exec(text);
  if (!number) return { ok: false, expected };
  const magnitude = Number(number[0]);
  const unit = text.slice(number[0].length).trim();
  if (unit === "") {
    if (dimension === "fraction") return { ok: false, expected: `${expected} (add the % sign)` };
    return Number.isFinite(magnitude) ? { ok: true, value: magnitude } : { ok: false, expected };
  }
  const factor = UNITS[dimension].get(unit);
  if (factor === void 0) {
    const suggestion = nearestUnit(unit, dimension);
    return suggestion === void 0 ? { ok: false, expected } : { ok: false, expected, suggestion };
  }
  const value = magnitude * factor;
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, expected: `${expected}, not one that overflows` };
}
function nearestUnit(unit, dimension) {
  return nearestWord(unit, [...UNITS[dimension].keys()]);
}
function nearestWord(word, candidates) {
  let best;
  let bestDistance = Infinity;
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const allowed = Math.max(1, Math.floor(word.length / 3));
  return bestDistance <= allowed ? best : void 0;
}
function editDistance(a, b) {
  let before = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let distance = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) distance = Math.min(distance, before[j - 2] + 1);
      current.push(distance);
    }
    [before, previous] = [previous, current];
  }
  return previous[b.length];
}
var HUMAN_PREFIXES = [["E", 1e18], ["P", 1e15], ["T", 1e12], ["G", 1e9], ["M", 1e6], ["k", 1e3]];
function si(value, unit, digits = 3) {
  if (!Number.isFinite(value)) return value > 0 ? `\u221E ${unit}` : `-\u221E ${unit}`;
  const size = Math.abs(value);
  for (const [prefix, factor] of HUMAN_PREFIXES) {
    if (Number((size / factor).toPrecision(digits)) >= 1) return `${significant(value / factor, digits)} ${prefix}${unit}`;
  }
  return `${significant(value, digits)} ${unit}`;
}
function perSecond(value, digits = 3) {
  return si(value, "/s", digits).replace(" ", "");
}
function time(seconds, digits = 3) {
  if (!Number.isFinite(seconds)) return "\u221E s";
  const size = Math.abs(seconds);
  if (size === 0) return "0 s";
  if (size >= 1) return `${significant(seconds, digits)} s`;
  if (Number((size * 1e3).toPrecision(digits)) >= 1) return `${significant(seconds * 1e3, digits)} ms`;
  if (Number((size * 1e6).toPrecision(digits)) >= 1) return `${significant(seconds * 1e6, digits)} us`;
  return `${significant(seconds * 1e9, digits)} ns`;
}
function percent(fraction, decimals = 1) {
  return `${(fraction * 100).toFixed(decimals)}%`;
}
function significant(value, digits = 3) {
  if (value === 0) return "0";
  if (!Number.isFinite(value)) return value > 0 ? "\u221E" : "-\u221E";
  const size = Math.abs(value);
  if (size >= 10 ** digits && size < 1e15) return Math.round(value).toString();
  if (size < 1e-4 || size >= 1e15) return value.toExponential(digits - 1);
  return value.toPrecision(digits);
}

// src/core/roofline.ts
var OUTERMOST = "dram";
function levelBandwidth(device, level) {
  const named = device.levels.find((l) => l.name === level);
  if (named) return named.bytesPerSecond;
  return level === OUTERMOST ? device.levels[0]?.bytesPerSecond : void 0;
}
function intensity(flops, bytes) {
  if (bytes === 0) return Infinity;
  return flops / bytes;
}
function ridge(peakFlopsPerSecond, bytesPerSecond) {
  return peakFlopsPerSecond / bytesPerSecond;
}
function eavesFor(model, device) {
  const eaves = {};
  for (const level in model.bytes) eaves[level] = levelBandwidth(device, level);
  return eaves;
}
function passSeconds(flops, bytes, peakFlopsPerSecond, eaves, scale) {
  let seconds = flops / peakFlopsPerSecond;
  for (const level in bytes) seconds = Math.max(seconds, bytes[level] * (scale?.[level] ?? 1) / eaves[level]);
  return seconds;
}
function modelSeconds(model, device, scale) {
  const peak = device.flopsPerSecond[model.precision];
  const eaves = eavesFor(model, device);
  if (!model.ops) return passSeconds(model.flops, model.bytes, peak, eaves, scale);
  let seconds = 0;
  for (const op of model.ops) seconds += passSeconds(op.flops, op.bytes, peak, eaves, scale);
  return seconds;
}
var SLOWEST_OPS = 20;
function opTime(op, peakFlopsPerSecond, eaves) {
  const computeSeconds = op.flops / peakFlopsPerSecond;
  let memorySeconds = 0;
  let memoryLevel = OUTERMOST;
  for (const level in op.bytes) {
    const seconds = op.bytes[level] / eaves[level];
    if (seconds > memorySeconds) [memorySeconds, memoryLevel] = [seconds, level];
  }
  const computeBound = computeSeconds >= memorySeconds;
  return {
    name: op.name,
    seconds: computeBound ? computeSeconds : memorySeconds,
    computeSeconds,
    memorySeconds,
    bindingLevel: computeBound ? "compute" : memoryLevel
  };
}
function opsSeconds(ops, peakFlopsPerSecond, eaves) {
  let seconds = 0;
  const slowest = [];
  for (const op of ops) {
    const time2 = passSeconds(op.flops, op.bytes, peakFlopsPerSecond, eaves);
    seconds += time2;
    if (slowest.length < SLOWEST_OPS || time2 > slowest[slowest.length - 1].seconds) {
      const entry = opTime(op, peakFlopsPerSecond, eaves);
      let at = slowest.length;
      while (at > 0 && slowest[at - 1].seconds < time2) at--;
      slowest.splice(at, 0, entry);
      if (slowest.length > SLOWEST_OPS) slowest.pop();
    }
  }
  return { seconds, slowest };
}
function place(model, device) {
  const peakFlops = device.flopsPerSecond[model.precision];
  const bandwidth = {};
  const intensities = {};
  const ridges = {};
  let attainableFlops = peakFlops;
  let bindingLevel = "compute";
  for (const [level, bytes] of Object.entries(model.bytes)) {
    const bytesPerSecond = levelBandwidth(device, level);
    bandwidth[level] = bytesPerSecond;
    intensities[level] = intensity(model.flops, bytes);
    ridges[level] = ridge(peakFlops, bytesPerSecond);
    const eave = bytes === 0 ? Infinity : bytesPerSecond * intensities[level];
    if (eave < attainableFlops) [attainableFlops, bindingLevel] = [eave, level];
  }
  const byOp = model.ops ? opsSeconds(model.ops, peakFlops, bandwidth) : null;
  const seconds = byOp ? byOp.seconds : passSeconds(model.flops, model.bytes, peakFlops, bandwidth);
  const measuredSeconds = model.measuredSeconds[device.id] ?? null;
  return {
    model: model.name,
    hardware: device.id,
    precision: model.precision,
    batch: model.batch,
    flops: model.flops,
    bytes: { ...model.bytes },
    peakFlops,
    bandwidth,
    intensity: intensities,
    ridge: ridges,
    attainableFlops,
    bound: bindingLevel === "compute" ? "compute" : "memory",
    bindingLevel,
    seconds,
    // A model that does no work is refused by the config; guard anyway so that nothing is NaN.
    throughput: seconds > 0 ? model.batch / seconds : Infinity,
    measuredSeconds,
    achievedFlops: measuredSeconds === null ? null : model.flops / measuredSeconds,
    efficiency: measuredSeconds === null ? null : seconds / measuredSeconds,
    ops: byOp && model.ops ? { count: model.ops.length, slowest: byOp.slowest } : null
  };
}
function placeAll(models, devices) {
  return models.flatMap((model) => model.hardware.map((id) => place(model, devices.get(id))));
}

export {
  parseQuantity,
  nearestWord,
  si,
  perSecond,
  time,
  percent,
  significant,
  OUTERMOST,
  levelBandwidth,
  modelSeconds,
  placeAll
};
