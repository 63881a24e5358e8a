import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);

// src/core/user-keys.ts
function keyedRecord() {
  return /* @__PURE__ */ Object.create(null);
}
function ownValue(record, key) {
  return record !== void 0 && Object.hasOwn(record, key) ? record[key] : void 0;
}

// src/core/format.ts
var SI_PREFIXES = [["E", 1e18], ["P", 1e15], ["T", 1e12], ["G", 1e9], ["M", 1e6], ["k", 1e3]];
function si(value, unit, digits = 3) {
  if (!Number.isFinite(value)) return value > 0 ? `\u221E ${unit}` : `-\u221E ${unit}`;
  const size = Math.abs(value);
  if (Number((size / SI_PREFIXES[0][1]).toPrecision(digits)) >= 1e3) return `${value.toExponential(digits - 1)} ${unit}`;
  for (const [prefix, factor] of SI_PREFIXES) {
    if (Number((size / factor).toPrecision(digits)) >= 1) return `${significant(value / factor, digits)} ${prefix}${unit}`;
  }
  return `${significant(value, digits)} ${unit}`;
}
var rateUnit = (precision) => precision?.startsWith("int") ? "OP/s" : "FLOP/s";
function flopRate(flopsPerSecond, precision) {
  return si(flopsPerSecond, rateUnit(precision));
}
var flopCount = (flops) => si(flops, "FLOP");
var byteCount = (bytes) => si(bytes, "B");
var byteRate = (bytesPerSecond) => si(bytesPerSecond, "B/s");
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
function timeChange(seconds) {
  return seconds > 0 ? `+${time(seconds)}` : time(seconds);
}
var INTENSITY_UNIT = "FLOP/B";
var intensity = (flopPerByte2) => significant(flopPerByte2);
var flopPerByte = (value) => `${intensity(value)} ${INTENSITY_UNIT}`;
var bitWidth = (bits) => `${bits} bits`;
var levelText = (level) => level.toUpperCase();
function percent(fraction, decimals = 1) {
  return `${(fraction * 100).toFixed(decimals)}%`;
}
var EFFICIENCY_DECIMALS = 1;
function efficiencyPercent(fraction) {
  const scale = 10 ** EFFICIENCY_DECIMALS;
  return Math.round(fraction * 100 * scale) / scale;
}
function efficiency(fraction) {
  if (Number.isNaN(fraction)) return "n/a";
  if (!Number.isFinite(fraction)) return fraction > 0 ? "\u221E%" : "-\u221E%";
  return `${efficiencyPercent(fraction).toFixed(EFFICIENCY_DECIMALS)}%`;
}
function signedPercent(fraction) {
  if (!Number.isFinite(fraction)) return fraction > 0 ? "+\u221E" : "-100%";
  const text = percent(fraction);
  return fraction > 0 && text !== "0.0%" ? `+${text}` : text === "-0.0%" ? "0.0%" : text;
}
function thresholdText(fraction) {
  const hundredths = Math.round(fraction * 1e4);
  return percent(fraction, hundredths % 100 === 0 ? 0 : hundredths % 10 === 0 ? 1 : 2);
}
function significant(value, digits = 3) {
  if (value === 0) return "0";
  if (!Number.isFinite(value)) return value > 0 ? "\u221E" : "-\u221E";
  const size = Math.abs(value);
  if (size >= 10 ** digits && size < 1e15) return Math.round(value).toString();
  if (size < 1e-4 || size >= 1e15) return value.toExponential(digits - 1);
  return value.toPrecision(digits);
}

// src/core/limits.ts
var COMMENT_LIMIT = 65536;
var SUMMARY_LIMIT = 1e6;
var EDITOR_URL_LIMIT = 2e4;
var ANNOTATIONS_SHOWN = 10;
var NAME_LENGTH = 200;
var MESSAGE_LENGTH = 2e3;
var MAX_REPORT_ITEMS = 2e4;
var MAX_LEVELS = 16;
var REPORT_MAX_BYTES = 32 * 1024 * 1024;
var LABEL_LENGTH = 1e3;
var QUOTE_LENGTH = 60;
var CHANGED_OPS = 20;
var EXPLAINING_OPS = 3;
var CONFIG_MAX_BYTES = 16 * 1024 * 1024;
var MAX_YAML_ITEMS = 1e5;
var MAX_ALIASES = 1e3;
var MAX_MODELS = 1e4;
var MAX_TARGETS = 256;
var MAX_INLINE_OPS = MAX_YAML_ITEMS;
var MAX_OP_ROWS = 2e6;
var LINE_LENGTH = 1024 * 1024;
var JSON_TABLE_MAX = 64 * 1024 * 1024;
var MAX_BATCH = 1e9;
var RANGES = {
  /** Peak compute of a device (FLOP/s or OP/s). */
  flopRate: { min: 1, max: 1e21, text: "1 FLOP/s to 1e21 FLOP/s" },
  /** Bandwidth of a memory level (bytes/s). */
  byteRate: { min: 1, max: 1e21, text: "1 B/s to 1e21 B/s" },
  /** FLOP, MAC and byte counts per pass, of a model, an op, or the sum of a model's ops. */
  count: { min: 1, max: 1e30, text: "0, or 1 to 1e30" },
  /** Measured times and latency budgets (seconds). */
  seconds: { min: 1e-15, max: 1e9, text: "1e-15 s to 1e9 s" },
  /** Throughput budgets (per second). */
  perSecond: { min: 1e-9, max: 1e21, text: "1e-9/s to 1e21/s" }
};

// src/core/report/escape.ts
var MARKDOWN_ENTITIES = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "|": "&#124;",
  "`": "&#96;",
  "*": "&#42;",
  "_": "&#95;",
  "[": "&#91;",
  "]": "&#93;",
  "\\": "&#92;",
  "#": "&#35;",
  "~": "&#126;",
  "$": "&#36;"
};
function markdownText(text) {
  return visibleText(text.replace(/[\r\n\u2028\u2029]+/g, " ")).replace(/[&<>"'|`*_[\]\\#~$]/g, (character) => MARKDOWN_ENTITIES[character]).replace(/@/g, "@&#8203;").replace(/([A-Za-z][A-Za-z0-9+.-]*):\/\//g, "$1:&#8203;//").replace(/\b(www)\./gi, "$1&#8203;.");
}
function visibleText(text) {
  return text.replace(INVISIBLE, visibleCharacter);
}
var INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
function commandSafe(text) {
  return text.replace(/^([ \t]*)(::|##\[)/gm, (_, space, command) => `${space}${visibleCharacter(command[0])}${command.slice(1)}`);
}
function visibleCharacter(character) {
  return `<U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}>`;
}
function withVisibleStrings(value) {
  if (typeof value === "string") return visibleText(value);
  if (Array.isArray(value)) return value.map(withVisibleStrings);
  if (value === null || typeof value !== "object") return value;
  const out = Object.create(Object.getPrototypeOf(value));
  for (const [key, item] of Object.entries(value)) out[key] = withVisibleStrings(item);
  return out;
}

// src/core/above-roof.ts
function isAboveRoof(result) {
  return result.efficiency !== null && efficiencyPercent(result.efficiency) > 100;
}

// src/core/roofline.ts
var OUTERMOST = "dram";
function levelBandwidth(device, level) {
  const named = device.levels.find((l) => l.name === level);
  if (named) return named.bytesPerSecond;
  return level === OUTERMOST ? device.levels[0]?.bytesPerSecond : void 0;
}
function intensity2(flops, bytes) {
  if (bytes === 0) return Infinity;
  return flops / bytes;
}
function ridge(peakFlopsPerSecond, bytesPerSecond) {
  return peakFlopsPerSecond / bytesPerSecond;
}
function roofKind(device, precision, bindingLevel) {
  const kinds = device.figureKinds;
  if (!kinds) return "config";
  if (bindingLevel === "compute") return kinds.compute[precision] ?? "config";
  return kinds.levels[bindingLevel] ?? (bindingLevel === OUTERMOST ? kinds.levels[device.levels[0].name] : void 0) ?? "config";
}
function unvendoredRoof(result) {
  const kind = result.roofKind;
  return kind === void 0 || kind === "vendor" || kind === "config" ? null : kind;
}
function eavesFor(model, device) {
  const eaves = keyedRecord();
  for (const level in model.bytes) eaves[level] = levelBandwidth(device, level) ?? Infinity;
  return eaves;
}
function passSeconds(flops, bytes, peakFlopsPerSecond, eaves, scale) {
  let seconds = flops / peakFlopsPerSecond;
  for (const level in bytes) seconds = Math.max(seconds, bytes[level] * (scale?.[level] ?? 1) / eaves[level]);
  return seconds;
}
var SLOWEST_OPS = 20;
function opTime(op, peakFlopsPerSecond, eaves, measuredSeconds = null) {
  const computeSeconds = op.flops / peakFlopsPerSecond;
  let memorySeconds = 0;
  let memoryLevel = OUTERMOST;
  for (const level in op.bytes) {
    const seconds2 = op.bytes[level] / eaves[level];
    if (seconds2 > memorySeconds) [memorySeconds, memoryLevel] = [seconds2, level];
  }
  const computeBound = computeSeconds >= memorySeconds;
  const seconds = computeBound ? computeSeconds : memorySeconds;
  return {
    name: op.name,
    seconds,
    computeSeconds,
    memorySeconds,
    bindingLevel: computeBound ? "compute" : memoryLevel,
    measuredSeconds,
    efficiency: measuredSeconds === null ? null : seconds / measuredSeconds
  };
}
function opsPass(ops, peakFlopsPerSecond, eaves, measured) {
  let seconds = 0;
  let measuredSum = measured ? 0 : null;
  const slowest = [];
  const aboveRoof = [];
  let aboveRoofCount = 0;
  for (const op of ops) {
    const time2 = passSeconds(op.flops, op.bytes, peakFlopsPerSecond, eaves);
    const opMeasured = measured ? op.measuredSeconds ?? null : null;
    seconds += time2;
    measuredSum = measuredSum === null || opMeasured === null ? null : measuredSum + opMeasured;
    if (opMeasured !== null && isAboveRoof({ efficiency: time2 / opMeasured })) {
      aboveRoofCount++;
      insertSorted(aboveRoof, opTime(op, peakFlopsPerSecond, eaves, opMeasured), (entry) => entry.efficiency, EXPLAINING_OPS);
    }
    if (slowest.length < SLOWEST_OPS || time2 > slowest[slowest.length - 1].seconds) {
      insertSorted(slowest, opTime(op, peakFlopsPerSecond, eaves, opMeasured), (entry) => entry.seconds, SLOWEST_OPS);
    }
  }
  return { seconds, slowest, measuredSeconds: measuredSum, aboveRoof, aboveRoofCount };
}
function insertSorted(list, entry, key, limit) {
  let at = list.length;
  while (at > 0 && key(list[at - 1]) < key(entry)) at--;
  list.splice(at, 0, entry);
  if (list.length > limit) list.pop();
}
function opsMeasuredOn(model) {
  return model.ops && model.hardware.length > 0 && model.ops.some((op) => op.measuredSeconds !== void 0) ? model.hardware[0] : null;
}
function place(model, device) {
  const peakFlopsPerSecond = device.flopsPerSecond[model.precision];
  const bandwidth = keyedRecord();
  const intensities = keyedRecord();
  const ridges = keyedRecord();
  const bytesByLevel = keyedRecord();
  const levelsLeftOut = [];
  let attainableFlopsPerSecond = peakFlopsPerSecond;
  let bindingLevel = "compute";
  for (const [level, bytes] of Object.entries(model.bytes)) {
    const bytesPerSecond = levelBandwidth(device, level);
    if (bytesPerSecond === void 0) {
      levelsLeftOut.push(level);
      continue;
    }
    bytesByLevel[level] = bytes;
    bandwidth[level] = bytesPerSecond;
    intensities[level] = intensity2(model.flops, bytes);
    ridges[level] = ridge(peakFlopsPerSecond, bytesPerSecond);
    const eave = bytes === 0 ? Infinity : bytesPerSecond * intensities[level];
    if (eave < attainableFlopsPerSecond) [attainableFlopsPerSecond, bindingLevel] = [eave, level];
  }
  const eaves = levelsLeftOut.length === 0 ? bandwidth : eavesFor(model, device);
  const byOp = model.ops ? opsPass(model.ops, peakFlopsPerSecond, eaves, opsMeasuredOn(model) === device.id) : null;
  const seconds = byOp ? byOp.seconds : passSeconds(model.flops, bytesByLevel, peakFlopsPerSecond, bandwidth);
  const measuredSeconds = model.measuredSeconds[device.id] ?? byOp?.measuredSeconds ?? null;
  return {
    model: model.name,
    hardware: device.id,
    precision: model.precision,
    batch: model.batch,
    flops: model.flops,
    bytes: bytesByLevel,
    peakFlopsPerSecond,
    bandwidth,
    intensity: intensities,
    ridge: ridges,
    attainableFlopsPerSecond,
    // For totals F / T is A itself (up to the last bit): A is kept, so that the two read the same.
    effectiveFlopsPerSecond: byOp && seconds > 0 ? model.flops / seconds : attainableFlopsPerSecond,
    bound: bindingLevel === "compute" ? "compute" : "memory",
    bindingLevel,
    roofKind: roofKind(device, model.precision, bindingLevel),
    seconds,
    // A model that does no work is refused by the config; guard anyway so that nothing is NaN.
    throughput: seconds > 0 ? model.batch / seconds : Infinity,
    measuredSeconds,
    achievedFlopsPerSecond: measuredSeconds === null ? null : model.flops / measuredSeconds,
    efficiency: measuredSeconds === null ? null : seconds / measuredSeconds,
    ops: byOp && model.ops ? { count: model.ops.length, slowest: byOp.slowest, aboveRoof: byOp.aboveRoof, aboveRoofCount: byOp.aboveRoofCount } : null,
    ...levelsLeftOut.length > 0 && { levelsLeftOut },
    ...model.phases && model.ops && tokenTimes(model.ops, model.phases, seconds, peakFlopsPerSecond, eaves),
    ...model.footprint && { footprint: { ...model.footprint }, capacityBytes: device.capacityBytes ?? null },
    ...model.crossoverBatch && { crossoverBatch: model.crossoverBatch[device.id] ?? null },
    ...model.sweep && { sweep: { ...model.sweep } }
  };
}
function tokenTimes(ops, phases, seconds, peakFlopsPerSecond, eaves) {
  let prefill = 0;
  for (const op of ops.slice(0, phases.prefillOps)) prefill += passSeconds(op.flops, op.bytes, peakFlopsPerSecond, eaves);
  return {
    ttftSeconds: phases.prefillOps > 0 ? prefill : null,
    tpotSeconds: phases.decodeSteps > 0 ? (seconds - prefill) / phases.decodeSteps : null
  };
}
function placeAll(models, devices) {
  return models.flatMap((model) => model.hardware.map((id) => place(model, devices.get(id))));
}

// src/core/bound-text.ts
var BOUND_WORDS = Object.freeze({ compute: "compute-bound", memory: "memory-bound" });
function boundText(bindingLevel) {
  return bindingLevel === "compute" ? BOUND_WORDS.compute : `${BOUND_WORDS.memory} (${levelText(bindingLevel)})`;
}

// src/core/op-change-text.ts
var opDelta = (change) => (change.seconds ?? 0) - (change.baseSeconds ?? 0);
var moved = (before, after) => (before ?? 0) !== (after ?? 0);
function figure(label, before, after, show, relative = true) {
  const side = (value) => value === void 0 ? "(not given)" : show(value);
  const change = !relative || before === void 0 || after === void 0 ? "" : ` (${signedPercent(after / before - 1)})`;
  return `${label} ${side(before)} -> ${side(after)}${change}`;
}
function opFigure(change, level) {
  if (change.status !== "changed") return change.status;
  const bytes = change.bytes;
  const baseBytes = change.baseBytes;
  const levels = [.../* @__PURE__ */ new Set([...Object.keys(bytes), ...Object.keys(baseBytes)])];
  const candidates = [level, change.bindingLevel, change.baseBindingLevel, "compute", ...levels].filter((c) => c !== void 0);
  for (const candidate of candidates) {
    if (candidate === "compute") {
      if (moved(change.baseFlops, change.flops)) return figure("FLOPs", change.baseFlops, change.flops, flopCount);
    } else if (moved(baseBytes[candidate], bytes[candidate])) {
      return figure(levelText(candidate), baseBytes[candidate], bytes[candidate], byteCount);
    }
  }
  return "same FLOPs and bytes";
}
function opChangeText(change, level) {
  return `${change.name}: ${opFigure(change, level)}, ${timeChange(opDelta(change))}`;
}
function inputsMoved(base, head) {
  const levels = [.../* @__PURE__ */ new Set([...Object.keys(base.bytes), ...Object.keys(head.bytes)])];
  const bytes = levels.filter((level) => moved(base.bytes[level], head.bytes[level])).map((level) => figure(`${levelText(level)} bytes`, base.bytes[level], head.bytes[level], byteCount, false));
  const flops = moved(base.flops, head.flops) ? figure("FLOPs", base.flops, head.flops, flopCount, false) : "FLOPs unchanged";
  if (bytes.length === 0) return moved(base.flops, head.flops) ? `${flops}, bytes unchanged` : "FLOPs and bytes unchanged";
  return [...bytes, flops].join(", ");
}

// src/core/headline-level.ts
function headlineLevel(result) {
  if (result.bindingLevel !== "compute") return result.bindingLevel;
  let best;
  let bestRatio = Infinity;
  for (const [level, value] of Object.entries(result.intensity)) {
    const ratio = value / result.ridge[level];
    if (best === void 0 || ratio < bestRatio) [best, bestRatio] = [level, ratio];
  }
  return best;
}

export {
  keyedRecord,
  ownValue,
  SI_PREFIXES,
  si,
  flopRate,
  byteCount,
  byteRate,
  perSecond,
  time,
  timeChange,
  INTENSITY_UNIT,
  intensity,
  flopPerByte,
  bitWidth,
  levelText,
  efficiency,
  signedPercent,
  thresholdText,
  significant,
  COMMENT_LIMIT,
  SUMMARY_LIMIT,
  EDITOR_URL_LIMIT,
  ANNOTATIONS_SHOWN,
  NAME_LENGTH,
  MESSAGE_LENGTH,
  MAX_REPORT_ITEMS,
  MAX_LEVELS,
  REPORT_MAX_BYTES,
  LABEL_LENGTH,
  QUOTE_LENGTH,
  CHANGED_OPS,
  EXPLAINING_OPS,
  CONFIG_MAX_BYTES,
  MAX_YAML_ITEMS,
  MAX_ALIASES,
  MAX_MODELS,
  MAX_TARGETS,
  MAX_INLINE_OPS,
  MAX_OP_ROWS,
  LINE_LENGTH,
  JSON_TABLE_MAX,
  MAX_BATCH,
  RANGES,
  markdownText,
  visibleText,
  commandSafe,
  withVisibleStrings,
  isAboveRoof,
  OUTERMOST,
  levelBandwidth,
  unvendoredRoof,
  eavesFor,
  passSeconds,
  opTime,
  placeAll,
  BOUND_WORDS,
  boundText,
  opDelta,
  opFigure,
  opChangeText,
  inputsMoved,
  headlineLevel
};
