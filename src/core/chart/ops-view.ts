// The per-op view under the roofline: for each model given as ops, on each of its targets, its slowest ops
// as pairs of bars, compute time (orange) and memory time (blue), which a legend over the bars names. The
// longer of the two is the op's time (roofline.ts opTime), drawn solid; the other pale inside an outline of
// its colour, so that a short one still shows. A panel per model x hardware, each with its own time scale;
// against a baseline, a second panel with the ops whose time changed, baseline and head side by side.
import { boundText } from '../bound-text.js';
import { flopRate, time, timeChange, wholeNumber } from '../format.js';
import { opDelta, opFigure } from '../op-change-text.js';
import type { OpChange } from '../results.js';
import { DESCRIBED } from './aria.js';
import type { ChartPoint } from './geometry.js';
import type { View } from './spec-types.js';
import { BOUND_COLORS, MUTED_COLOR, PLOT_WIDTH } from './theme.js';

/** Panels beyond this many are left out (report.json has them all); the first panel says so. */
export const MAX_OP_PANELS = 6;
/** Bars per panel: the slowest ops, of the SLOWEST_OPS a result carries. */
export const MAX_OPS_PER_PANEL = 10;

/** Room left of the bars for op names, so that panels line up with the roofline plot above. */
const NAME_WIDTH = 100;
/** A panel title's start, px from the plot's left edge: as far left as an op name can reach (labelLimit, padding). */
const TITLE_DX = -(NAME_WIDTH - 8);
/** Height per bar, px (Vega-Lite's step is per bar of a pair): bars about 8 px thick. */
const BAR_STEP = 10;
/** Fill opacity of the bar that is not the op's time: pale, inside a full-colour outline. */
const PALE = 0.3;
/** The legend over a panel's bars: its entries in a row, right-aligned above the plot. */
const LEGEND = { orient: 'top', direction: 'horizontal', title: null, offset: 4, symbolType: 'square', symbolSize: 90, labelFontSize: 10.5 } as const;

const UNITS: Array<[string, number]> = [['s', 1], ['ms', 1e-3], ['us', 1e-6], ['ns', 1e-9]];

export function opsViews(points: readonly ChartPoint[], deviceName: (id: string) => string): View[] {
  const withOps = points.filter((p) => p.result.ops && p.result.ops.slowest.length > 0);
  const shown = panelPairs(withOps);
  return shown.map((p, i) => {
    const subtitle =
      i > 0
        ? []
        : [
            'Compute time and memory time of each op; the longer one (solid) is its time, the other outlined.',
            ...(shown.length < withOps.length ? [`${wholeNumber(shown.length)} of ${wholeNumber(withOps.length)} model x hardware pairs given as ops: those whose ops changed first, and of a sweep its first value on each device.`] : []),
          ];
    return [panel(p, deviceName, subtitle), ...(p.result.ops!.changed?.length ? [changedPanel(p, deviceName)] : [])];
  }).flat();
}

/**
 * The pairs that get a panel, at most MAX_OP_PANELS, in the order given: first those whose ops changed against
 * the baseline, then the rest; a sweep's further values on a device add no panel unless their ops changed,
 * since its ops are the same ops at another batch or context (the roofline above shows where each lands).
 */
export function panelPairs(withOps: readonly ChartPoint[]): ChartPoint[] {
  const changed = (p: ChartPoint) => (p.result.ops?.changed?.length ?? 0) > 0;
  const seenSweeps = new Set<string>();
  const rest: ChartPoint[] = [];
  for (const p of withOps) {
    if (changed(p)) continue;
    const sweep = p.result.sweep;
    if (sweep) {
      const key = JSON.stringify([sweep.of, sweep.by, p.result.hardware]);
      if (seenSweeps.has(key)) continue;
      seenSweeps.add(key);
    }
    rest.push(p);
  }
  return [...withOps.filter(changed), ...rest].slice(0, MAX_OP_PANELS);
}

/** A time scale for bars up to `longest` seconds: the unit and its factor. */
function unitFor(longest: number): [string, number] {
  return UNITS.find(([, f]) => longest >= f) ?? UNITS[UNITS.length - 1]!;
}

/** Op names as bar labels: two ops of the same name would share a bar, so repeats are numbered. */
function labeller(): (name: string) => string {
  const seen = new Map<string, number>();
  return (name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  };
}

/** The changed ops of a pair, largest change first: the baseline's time (grey) beside the head's (its bound's colour). */
function changedPanel(p: ChartPoint, deviceName: (id: string) => string): View {
  const r = p.result;
  const changes = r.ops!.changed!.slice(0, MAX_OPS_PER_PANEL);
  const total = r.ops!.changed!.length + r.ops!.moreChanged;
  const longest = Math.max(...changes.map((c) => Math.max(c.seconds ?? 0, c.baseSeconds ?? 0)));
  const [unit, factor] = unitFor(longest);
  const label = labeller();
  const values = changes.flatMap((change: OpChange) => {
    const common = { op: label(change.name), moved: opFigure(change), opChange: timeChange(opDelta(change)) };
    const bar = (side: string, seconds: number | null, level: string | null, color: string) => {
      const partTime = seconds === null ? 'none' : time(seconds);
      const bound = level === null ? '-' : boundText(level);
      return {
        ...common, side, value: (seconds ?? 0) / factor, partTime, bound, color,
        description: `${common.op}, ${side}: ${partTime}${level === null ? '' : `, ${bound}`}; what moved: ${common.moved}, change ${common.opChange}`,
      };
    };
    const head = change.bindingLevel === 'compute' ? 'head, compute-bound' : 'head, memory-bound';
    return [bar('baseline', change.baseSeconds, change.baseBindingLevel, 'baseline'), bar('head', change.seconds, change.bindingLevel, head)];
  });
  // The legend names only the colours drawn.
  const keys = (['baseline', 'head, compute-bound', 'head, memory-bound'] as const).filter((key) => values.some((v) => v.color === key));
  const colors = { baseline: MUTED_COLOR, 'head, compute-bound': BOUND_COLORS.compute, 'head, memory-bound': BOUND_COLORS.memory };
  const shown = changes.length < total ? `the ${wholeNumber(changes.length)} largest of ${wholeNumber(total)} changed ops` : `${wholeNumber(total)} changed op${total === 1 ? '' : 's'}`;
  return bars({
    title: `${r.model} on ${deviceName(r.hardware)}: ${shown}, baseline and head`,
    subtitle: ['Time of each op in the baseline (grey) and in the head (coloured by its bound), largest change first.'],
    values, unit, pairBy: { field: 'side', domain: ['baseline', 'head'] },
    encoding: {
      fill: { field: 'color', type: 'nominal', scale: { domain: keys, range: keys.map((key) => colors[key]) }, legend: LEGEND },
      tooltip: [
        { field: 'op', title: 'op' },
        { field: 'side', title: 'side' },
        { field: 'partTime', title: 'time' },
        { field: 'bound', title: 'bound' },
        { field: 'moved', title: 'what moved' },
        { field: 'opChange', title: 'change' },
      ],
    },
  });
}

/** A panel of paired bars per op (`pairBy` tells the two apart), on a time axis in `unit`. */
function bars(panel: {
  title: string;
  subtitle: string[];
  values: object[];
  unit: string;
  pairBy: { field: string; domain: string[] };
  encoding: Record<string, unknown>;
}): View {
  return {
    // No subtitle rather than an empty one, which a screen reader would read out as "Subtitle text ''".
    // Every panel's title starts at the same x, where the longest op name can (TITLE_DX), not at its own
    // longest name: a panel of short names would have its title indented.
    title: { text: panel.title, ...(panel.subtitle.length > 0 && { subtitle: panel.subtitle }), fontSize: 12.5, frame: 'group', dx: TITLE_DX },
    width: PLOT_WIDTH - NAME_WIDTH,
    height: { step: BAR_STEP },
    data: { values: panel.values },
    mark: { type: 'bar', cornerRadiusEnd: 2, strokeWidth: 1 },
    encoding: {
      y: { field: 'op', type: 'nominal', sort: null, scale: { paddingInner: 0.25 }, axis: { title: null, labelLimit: NAME_WIDTH - 10, ticks: false } },
      yOffset: { field: panel.pairBy.field, type: 'nominal', scale: { domain: panel.pairBy.domain } },
      // Not stacked: the bars of a pair sit side by side (yOffset). Vega-Lite stacks a bar by default, and a
      // stacked bar with rounded ends becomes a group per stack at render, each its own dataflow: 24 of
      // them on the example, about a fifth of the chart's work (callgrind), for the same pixels.
      x: { field: 'value', type: 'quantitative', stack: null, axis: { title: `time per pass (${panel.unit})`, format: '~r', tickCount: 6 } },
      ...DESCRIBED,
      ...panel.encoding,
    },
  };
}

/** Compute orange, memory blue: the colours of the bounds on the roofline above. */
const PART_SCALE = { domain: ['compute', 'memory'], range: [BOUND_COLORS.compute, BOUND_COLORS.memory] };

function panel(p: ChartPoint, deviceName: (id: string) => string, subtitle: string[]): View {
  const r = p.result;
  const ops = r.ops!.slowest.slice(0, MAX_OPS_PER_PANEL);
  const longest = Math.max(...ops.map((op) => Math.max(op.computeSeconds, op.memorySeconds)));
  const [unit, factor] = unitFor(longest);
  const label = labeller();
  const values = ops.flatMap((op) => {
    const name = label(op.name);
    const bindsCompute = op.bindingLevel === 'compute';
    const common = { op: name, opTime: time(op.seconds), bound: boundText(op.bindingLevel) };
    const bar = (part: string, seconds: number, binds: boolean) => {
      const partTime = time(seconds);
      const description = `${name}, ${part} time ${partTime}; op time ${common.opTime}, ${common.bound}`;
      return { ...common, part, value: seconds / factor, binds, partTime, description };
    };
    return [bar('compute', op.computeSeconds, bindsCompute), bar('memory', op.memorySeconds, !bindsCompute)];
  });
  const shown = ops.length < r.ops!.count ? `${wholeNumber(ops.length)} slowest of ${wholeNumber(r.ops!.count)} ops` : `${wholeNumber(r.ops!.count)} ops, slowest first`;
  return bars({
    title: `${r.model} on ${deviceName(r.hardware)}: ${shown} (${time(r.seconds)} per pass at ${flopRate(p.flopsPerSecond, r.precision)})`,
    subtitle, values, unit, pairBy: { field: 'part', domain: ['compute', 'memory'] },
    encoding: {
      fill: { field: 'part', type: 'nominal', scale: PART_SCALE, legend: { ...LEGEND, labelExpr: "datum.label + ' time'" } },
      // No legend of its own: one field, one scale, so Vega-Lite draws the fill's legend with the outline.
      stroke: { field: 'part', type: 'nominal', scale: PART_SCALE },
      fillOpacity: { condition: { test: 'datum.binds', value: 1 }, value: PALE },
      tooltip: [
        { field: 'op', title: 'op' },
        { field: 'part', title: 'part' },
        { field: 'partTime', title: 'time' },
        { field: 'opTime', title: 'op time' },
        { field: 'bound', title: 'bound' },
      ],
    },
  });
}
