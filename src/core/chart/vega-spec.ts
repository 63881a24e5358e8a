// The roofline chart's Vega spec, made from its Vega-Lite spec (spec.ts) as vega-lite's compile makes it, for
// the part of Vega-Lite that chart uses: a vconcat of layered views and bar panels, with inline data, explicit
// scale domains, and no transforms, selections or facets. Drawn from it, the chart needs vega alone:
// vega-lite (a quarter of a megabyte of code to load at every run) and its compile are left out.
// roofline.vl.json and the editor link stay the Vega-Lite spec.
//
// The rules are vega-lite's (6.4), each named by the vega-lite source file it follows. A test compiles the
// charts of many reports with vega-lite and asserts that both Vega specs are equal and draw the same SVG,
// byte for byte. Anything outside the subset throws UntranslatedSpec, naming it, and render/svg.ts then
// has vega-lite compile the spec: a chart is never drawn other than vega-lite would draw it.
import type { Spec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

// The specs are JSON; their types (vega-lite's and vega's unions) say more than this module reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

/** vega-lite's mark types and the Vega mark each becomes. */
const MARK_TYPES: Readonly<Record<string, string>> = { rule: 'rule', rect: 'rect', point: 'symbol', text: 'text', line: 'line', bar: 'rect' };
/** Marks vega-lite draws at 0.7 opacity unless told otherwise (mark/init.ts, DEFAULT_REDUCED_OPACITY). */
const REDUCED_OPACITY_MARKS = new Set(['point']);
/** The mark properties that go into a mark's encoding as they are (mark/encode/base.ts, nonPosition props). */
const MARK_PROPERTIES = ['opacity', 'fill', 'stroke', 'strokeCap', 'strokeWidth', 'strokeDash', 'size', 'shape', 'align', 'baseline', 'dx', 'dy', 'angle', 'fontSize', 'fontWeight', 'limit'];
/** The non-position channels drawn through a scale, each with its legend, in vega-lite's order (channel.ts, UNIT_CHANNEL_INDEX). */
const LEGEND_CHANNELS = ['fill', 'stroke', 'shape'];

/** The Vega spec of `spec`, which vega draws as vega-lite's compile of it. */
export function vegaSpec(spec: TopLevelSpec): Spec {
  const top = spec as Obj;
  allowOnly(top, ['$schema', 'description', 'title', 'config', 'vconcat', 'resolve'], 'the chart');
  const config: Obj = top.config ?? {};
  const views: Obj[] = top.vconcat;
  const out = new Output();
  const width = mergedSize(views.map((v) => v.width));
  const height = mergedSize(views.map((v) => v.height));
  const groups = views.map((view, i) => viewGroup(view, `concat_${i}`, config, out, { width, height }));
  if (height !== null) out.signals.unshift({ name: 'childHeight', value: height });
  const title = top.title === undefined ? undefined : { ...titleConfig(config), ...(typeof top.title === 'string' ? { text: top.title } : top.title) };
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    ...(top.description === undefined ? {} : { description: top.description }),
    ...(config.background === undefined ? {} : { background: config.background }),
    ...(config.padding === undefined ? {} : { padding: config.padding }),
    ...(width === null ? {} : { width }),
    ...(title ? { title } : {}),
    data: out.data(),
    signals: out.signals,
    layout: { padding: config.concat?.spacing ?? 20, columns: 1, bounds: 'full', align: 'each' },
    marks: named(groups),
    scales: named(out.scales),
    config: vegaConfig(config),
  } as Spec;
}

/** A data set a mark or scale reads: a source, or what one of its transforms makes; named once all are known. */
class DataRef {
  name = '';
}

interface Source {
  ref: DataRef;
  values: unknown[];
  /** Whether more than one view or layer gave these values (vega-lite then writes an empty format). */
  shared: boolean;
  /** What reads the source: a transform of it (keyed by its JSON), or a view or mark as it is (by its name). */
  children: Map<string, { transform: Obj[] | null; ref: DataRef }>;
}

/** What the views add to the spec's top level as they are translated. */
class Output {
  private readonly sources: Source[] = [];
  signals: Obj[] = [];
  scales: Obj[] = [];

  /** The inline data `values`: one source per distinct values, as vega-lite merges them (data/parse.ts, findSource). */
  source(values: unknown[]): Source {
    const same = this.sources.find((source) => deepEqual(source.values, values));
    if (same) {
      same.shared = true;
      return same;
    }
    const source: Source = { ref: new DataRef(), values, shared: false, children: new Map() };
    this.sources.push(source);
    return source;
  }

  /**
   * The data a mark reads: `source` after `transform`, one per distinct transform (data/optimizers.ts,
   * MergeIdenticalNodes), or `source` itself, as read by its `owner` (the view that gave the data, or the
   * mark): all the layers of a view read its data through one node.
   */
  read(source: Source, transform: Obj[], owner: string): DataRef {
    const key = transform.length ? JSON.stringify(transform) : `read by ${owner}`;
    let child = source.children.get(key);
    if (!child) {
      child = { transform: transform.length ? transform : null, ref: transform.length ? new DataRef() : source.ref };
      source.children.set(key, child);
    }
    return child.ref;
  }

  /**
   * The data sets, named as vega-lite's assembly names them (data/assemble.ts): sources first, `source_i`;
   * then each transformed set, `data_j`, in the order of its source. A source read in more than one way
   * uses up a number of its own.
   */
  data(): Obj[] {
    const sources: Obj[] = [];
    const derived: Obj[] = [];
    let next = 0;
    for (const [i, source] of this.sources.entries()) {
      source.ref.name = `source_${i}`;
      sources.push({ name: source.ref.name, values: source.values, ...(source.shared ? { format: {} } : {}) });
      if (source.children.size > 1) next++;
      for (const { transform, ref } of source.children.values()) {
        if (!transform) continue;
        ref.name = `data_${next++}`;
        derived.push({ name: ref.name, source: source.ref.name, transform });
      }
    }
    return [...sources, ...derived];
  }
}

/** Equal JSON values, whatever the order of their keys (vega-lite's deepEqual). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, i) => deepEqual(item, (b as unknown[])[i]));
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && deepEqual((a as Obj)[key], (b as Obj)[key]));
}

/** `value` with every DataRef in it replaced by its name. */
function named(value: unknown): unknown {
  if (value instanceof DataRef) return value.name;
  if (Array.isArray(value)) return value.map(named);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, named(item)]));
  return value;
}

/**
 * The one size every view shares, or null (layoutsize/parse.ts): a vconcat merges its views' widths, and
 * their heights as its child height, when all are the same number; a view sized by steps keeps its own.
 */
function mergedSize(sizes: unknown[]): number | null {
  const [first] = sizes;
  return typeof first === 'number' && sizes.every((size) => size === first) ? first : null;
}

/** One view of the vconcat as a Vega group: its marks, axes and legends, with its scales, signals and data added to `out`. */
function viewGroup(view: Obj, name: string, config: Obj, out: Output, merged: { width: number | null; height: number | null }): Obj {
  allowOnly(view, ['width', 'height', 'layer', 'data', 'view', 'title', 'mark', 'encoding'], `view ${name}`);
  // vega-lite sizes a view without a width or height from its config and its scales: not translated.
  if (typeof view.width !== 'number') untranslated(`view ${name}: only a width in pixels translates`);
  if (typeof view.height !== 'number' && typeof view.height?.step !== 'number') untranslated(`view ${name}: only a height in pixels or in steps translates`);
  const viewSource = view.data ? out.source(dataValues(view.data, name)) : null;
  const units: Obj[] = view.layer ?? [{ mark: view.mark, encoding: view.encoding }];
  const markName = (j: number) => (view.layer ? `${name}_layer_${j}_marks` : `${name}_marks`);
  const widthSignal = merged.width === null ? `${name}_width` : 'width';
  const heightSignal = merged.height === null ? `${name}_height` : 'childHeight';
  const scales = new Scales(name, widthSignal, heightSignal);
  const marks = units.map((unit, j) => {
    allowOnly(unit, ['data', 'mark', 'encoding'], `layer ${markName(j)}`);
    const source = unit.data ? out.source(dataValues(unit.data, markName(j))) : viewSource;
    if (source === null) untranslated(`layer ${markName(j)} has no data`);
    return unitMark(unit, markName(j), name, source, scales, config, out);
  });
  // Signals: the view's width, then its height (a step height: the step, then the height it makes).
  if (merged.width === null) out.signals.push({ name: widthSignal, value: view.width });
  if (merged.height === null) {
    if (typeof view.height === 'number') out.signals.push({ name: heightSignal, value: view.height });
    else out.signals.push(...scales.stepSignals(view.height, heightSignal));
  }
  out.scales.push(...scales.assemble());
  const update: Obj = { width: { signal: widthSignal }, height: { signal: heightSignal } };
  if (view.view) {
    allowOnly(view.view, ['stroke'], `view ${name}'s view`);
    update.stroke = { value: view.view.stroke };
  }
  const axes = scales.axes();
  const legends = scales.legends();
  return {
    type: 'group',
    name: `${name}_group`,
    ...(view.title === undefined ? {} : { title: { ...titleConfig(config), ...(typeof view.title === 'string' ? { text: view.title } : view.title) } }),
    style: 'cell',
    encode: { update },
    marks,
    ...(axes.length ? { axes } : {}),
    ...(legends.length ? { legends } : {}),
  };
}

function dataValues(data: Obj, where: string): unknown[] {
  allowOnly(data, ['values'], `${where}'s data`);
  if (!Array.isArray(data.values)) untranslated(`${where}'s data has no inline values`);
  return data.values;
}

/** A field's value in a Vega expression (vgField with expr 'datum'). */
const datum = (field: string) => `datum[${JSON.stringify(field)}]`;
/** A field shown as text (mark/encode/text.ts, formatSignalRef of a nominal field). */
const textOf = (field: string) => `isValid(${datum(field)}) ? ${datum(field)} : ""+${datum(field)}`;
/** A field's value valid for a continuous scale (data/filterinvalid.ts). */
const validOf = (field: string) => `isValid(${datum(field)}) && isFinite(+${datum(field)})`;

/** The Vega mark of one unit (a layer, or a bar panel): its data, after vega-lite's filters, and its encoding. */
function unitMark(unit: Obj, name: string, view: string, source: Source, scales: Scales, config: Obj, out: Output): Obj {
  const markDef: Obj = typeof unit.mark === 'string' ? { type: unit.mark } : { ...unit.mark };
  const type = MARK_TYPES[markDef.type];
  if (!type) untranslated(`mark ${name}: vega-spec.ts does not translate ${markDef.type} marks`);
  allowOnly(markDef, ['type', 'aria', 'filled', 'color', 'cornerRadiusEnd', ...MARK_PROPERTIES], `mark ${name}`);
  const encoding: Obj = unit.encoding ?? {};
  allowOnly(encoding, ['x', 'y', 'x2', 'y2', 'stroke', 'fill', 'shape', 'description', 'tooltip', 'text', 'angle', 'yOffset', 'fillOpacity', 'order'], `mark ${name}'s encoding`);
  for (const [channel, def] of Object.entries(encoding)) if (channel !== 'tooltip' && channel !== 'fillOpacity') checkChannel(channel, def, markDef.type, name);
  const hidden = markDef.aria === false;
  // Unscaled or positional fields of continuous scales must be valid numbers: vega-lite filters the data,
  // or for a line, leaves the gaps undefined (mark/encode/defined.ts).
  const valid = ['x', 'y'].filter((channel) => encoding[channel]?.type === 'quantitative' && encoding[channel].scale !== null).map((channel) => validOf(encoding[channel].field));
  const transform: Obj[] = [];
  const offsetOrder = encoding.yOffset ? offsetSort(encoding) : null;
  if (offsetOrder) transform.push(offsetOrder);
  if (valid.length && markDef.type !== 'line') transform.push({ type: 'filter', expr: valid.join(' && ') });
  const from = out.read(source, transform, unit.data ? name : view);

  const update: Obj = {};
  const filled = markDef.filled ?? (markDef.type !== 'point' && markDef.type !== 'line' && markDef.type !== 'rule');
  if (REDUCED_OPACITY_MARKS.has(markDef.type) && markDef.opacity === undefined) markDef.opacity = 0.7;
  if (markDef.type === 'bar' && markDef.cornerRadiusEnd !== undefined) {
    // A horizontal bar's end is its right (mark/init.ts, BAR_CORNER_RADIUS_INDEX).
    markDef.cornerRadiusTopRight = markDef.cornerRadiusEnd;
    markDef.cornerRadiusBottomRight = markDef.cornerRadiusEnd;
  }
  // The mark's own colour, then its properties (mark/encode/color.ts, base.ts).
  if (markDef.opacity !== undefined) update.opacity = valueRef(markDef.opacity);
  for (const property of MARK_PROPERTIES) {
    if (property === 'opacity' || markDef[property] === undefined) continue;
    if ((property === 'fill' || property === 'stroke') && encoding[property]) continue;
    update[property] = valueRef(markDef[property]);
  }
  for (const corner of ['cornerRadiusTopRight', 'cornerRadiusBottomRight']) if (markDef[corner] !== undefined) update[corner] = valueRef(markDef[corner]);
  if (markDef.color !== undefined) {
    const channel = filled ? 'fill' : 'stroke';
    if (!encoding[channel] && update[channel] === undefined) update[channel] = valueRef(markDef.color);
  }
  if (markDef.type === 'point' && !filled && update.fill === undefined && !encoding.fill) update.fill = { value: 'transparent' };
  // The colours here, the shape after the position, where vega-lite encodes it.
  for (const channel of ['fill', 'stroke']) if (encoding[channel]) update[channel] = { scale: scales.name(channel), field: encoding[channel].field };
  if (encoding.fillOpacity) {
    allowOnly(encoding.fillOpacity, ['condition', 'value'], `mark ${name}'s fillOpacity`);
    update.fillOpacity = [{ test: encoding.fillOpacity.condition.test, value: encoding.fillOpacity.condition.value }, { value: encoding.fillOpacity.value }];
  }
  if (encoding.tooltip) update.tooltip = tooltip(encoding.tooltip);
  if (!hidden && (type === 'symbol' || markDef.type === 'bar')) update.ariaRoleDescription = { value: markDef.type };
  if (!hidden && encoding.description) update.description = { signal: textOf(encoding.description.field) };
  Object.assign(update, position(encoding, markDef, scales));
  if (encoding.shape) update.shape = { scale: scales.name('shape'), field: encoding.shape.field };
  if (encoding.angle) update.angle = { field: encoding.angle.field };
  if (encoding.text) update.text = { signal: textOf(encoding.text.field) };
  if (type === 'text' && update.fontSize === undefined && config.text?.fontSize !== undefined) update.fontSize = { value: config.text.fontSize };
  if (markDef.type === 'line' && valid.length) update.defined = { signal: valid.join(' && ') };
  scales.add(encoding, from, { type: markDef.type, shape: markDef.shape, opacity: markDef.opacity, fill: update.fill, stroke: update.stroke });

  return {
    name,
    type,
    style: [markDef.type],
    ...(hidden ? { aria: false } : {}),
    ...(encoding.order ? { sort: { field: [datum(encoding.order.field)], order: ['ascending'] } } : {}),
    from: { data: from },
    encode: { update },
  };
}

/**
 * Throws on a channel definition this module would draw otherwise than vega-lite: a field with more than a
 * type, scale and guide; a stacked bar (vega-lite stacks bars by default); a band sorted by value.
 */
function checkChannel(channel: string, def: Obj, mark: string, name: string): void {
  const where = `mark ${name}'s ${channel}`;
  allowOnly(def, ['field', 'type', 'scale', 'axis', 'legend', 'stack', 'sort'], where);
  if (typeof def.field !== 'string' || def.field.includes('.') || def.field.includes('[')) untranslated(`${where}: only a plain field name translates`);
  const needsType = ['x', 'y', 'stroke', 'fill', 'shape', 'yOffset'].includes(channel);
  if (needsType && def.type !== 'quantitative' && def.type !== 'nominal') untranslated(`${where}: type ${def.type} does not translate`);
  if (!needsType && def.type !== undefined && !(channel === 'order' || channel === 'angle')) untranslated(`${where}: a typed ${channel} does not translate`);
  if ('stack' in def && def.stack !== null) untranslated(`${where}: only stack: null translates`);
  if (mark === 'bar' && channel === 'x' && def.stack !== null) untranslated(`${where}: a stacked bar does not translate`);
  if ('sort' in def && def.sort !== null) untranslated(`${where}: only sort: null translates`);
  if ((channel === 'x' || channel === 'y') && def.type === 'nominal' && def.sort !== null) untranslated(`${where}: a sorted band does not translate`);
  if (['stroke', 'fill', 'shape', 'yOffset'].includes(channel) && def.scale !== null && !Array.isArray(def.scale?.domain)) untranslated(`${where}: a scale without its domain does not translate`);
  if (['stroke', 'fill', 'shape'].includes(channel) && def.scale !== null && !Array.isArray(def.scale?.range)) untranslated(`${where}: a scale without its range does not translate`);
  if (channel === 'angle' && def.scale !== null) untranslated(`${where}: only an unscaled angle translates`);
}

/** A mark property's value: a constant, or an expression (`{ expr }`) as a signal. */
function valueRef(value: unknown): Obj {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && 'expr' in value ? { signal: (value as { expr: string }).expr } : { value };
}

/** x and y, and x2, y2 and the bar's height (mark/encode/position-*.ts). */
function position(encoding: Obj, markDef: Obj, scales: Scales): Obj {
  const at = (channel: 'x' | 'y', def: Obj | undefined) => {
    if (!def) return undefined;
    const scaled = encoding[channel]?.scale !== null;
    return scaled ? { scale: scales.name(channel), field: def.field } : { field: def.field };
  };
  const update: Obj = {};
  if (markDef.type === 'bar') {
    // A horizontal bar from zero to its value, placed in its band and its offset band.
    update.x = at('x', encoding.x);
    update.x2 = { scale: scales.name('x'), value: 0 };
    update.y = { ...at('y', encoding.y), offset: { scale: scales.name('yOffset'), field: encoding.yOffset.field } };
    update.height = { signal: `max(0.25, bandwidth('${scales.name('yOffset')}'))` };
    return update;
  }
  update.x = at('x', encoding.x);
  if (encoding.x2) update.x2 = at('x', encoding.x2);
  update.y = at('y', encoding.y);
  if (encoding.y2) update.y2 = at('y', encoding.y2);
  return update;
}

/** The tooltip signal of a list of fields (mark/encode/tooltip.ts): each field's text, or its items one per line. */
function tooltip(fields: Obj[]): Obj {
  const entries = new Map<string, string>();
  for (const field of fields) {
    allowOnly(field, ['field', 'title'], 'a tooltip field');
    const key = String(field.title ?? field.field).replaceAll('"', '\\"');
    const value = `datum["${field.field}"]`;
    if (!entries.has(key)) entries.set(key, `isValid(${value}) ? isArray(${value}) ? join(${value}, '\\n') : ${value} : ""+${value}`);
  }
  return { signal: `{${[...entries].map(([key, value]) => `"${key}": ${value}`).join(', ')}}` };
}

/**
 * The index of an offset field's value in the fill's domain, which vega-lite computes to sort the offsets as
 * the colours when the offset has no sort of its own (compile/unit.ts, alignStackOrderWithColorDomain; then
 * data/calculate.ts, parseAllForSortIndex). With the offset's domain given, it sorts nothing.
 */
function offsetSort(encoding: Obj): Obj | null {
  const fill = encoding.fill ?? encoding.color;
  const domain: unknown = fill?.scale?.domain;
  if (encoding.order || encoding.yOffset.sort || fill?.type !== 'nominal' || !Array.isArray(domain)) return null;
  const field = encoding.yOffset.field as string;
  const cases = domain.map((value, i) => `${datum(field)}===${JSON.stringify(value)} ? ${i} : `).join('');
  return { type: 'formula', expr: `${cases}${domain.length}`, as: `yOffset_${field}_sort_index` };
}

/** What a unit's legends are drawn like: its mark, and the fill and stroke it was given (mark/encode/color.ts). */
interface MarkLook {
  type: string;
  shape?: unknown;
  opacity?: unknown;
  fill?: Obj;
  stroke?: Obj;
}

/** A property of a guide as vega-lite merges them: set in the spec (explicit), or a default. */
interface Prop {
  value: unknown;
  explicit: boolean;
}
type Component = Map<string, Prop>;


/** One view's scales, axes and legends, gathered from its units' encodings in order. */
class Scales {
  private readonly defs = new Map<string, Obj[]>();
  /** The data of the first mark that uses each channel, which a scale's domain is read from when not given. */
  private readonly data = new Map<string, DataRef>();
  /** Each channel's legend, merged over the units (legend/parse.ts, parseNonUnitLegend). */
  private readonly legendParts = new Map<string, Component>();

  constructor(
    private readonly view: string,
    private readonly widthSignal: string,
    private readonly heightSignal: string,
  ) {}

  name(channel: string): string {
    return `${this.view}_${channel}`;
  }

  /** The first definition of `channel` in the view: the one its scale is made from. */
  private def(channel: string): Obj {
    const def = this.defs.get(channel)?.[0];
    if (!def) throw new Error(`${this.view} has no ${channel}`);
    return def;
  }

  add(encoding: Obj, data: DataRef, look: MarkLook): void {
    for (const channel of ['x', 'y', 'yOffset', ...LEGEND_CHANNELS]) {
      const def = encoding[channel];
      if (!def || def.scale === null) continue;
      if (!this.defs.has(channel)) this.defs.set(channel, []);
      this.defs.get(channel)!.push(def);
      if (!this.data.has(channel)) this.data.set(channel, data);
    }
    for (const channel of LEGEND_CHANNELS) {
      const def = encoding[channel];
      if (!def || def.scale === null) continue;
      const part = legendPart(channel, def, encoding, look, this.name(channel));
      this.legendParts.set(channel, merge(this.legendParts.get(channel), part));
    }
  }

  stepSignals(height: Obj, heightSignal: string): Obj[] {
    const y = this.defs.get('y')?.[0];
    const offset = this.defs.get('yOffset')?.[0];
    if (!y || !offset || typeof height.step !== 'number') untranslated(`${this.view}: a step height needs a band y with an offset`);
    const paddingInner = y.scale?.paddingInner ?? 0.1;
    const stepName = `${this.name('y')}_step`;
    return [
      { name: stepName, update: `${height.step} * bandspace(domain('${this.name('yOffset')}').length, 0, 0) / (1-${paddingInner})` },
      { name: heightSignal, update: `bandspace(domain('${this.name('y')}').length, ${paddingInner}, 0.2) * ${stepName}` },
    ];
  }

  assemble(): Obj[] {
    return [...this.defs.keys()].map((channel) => this.scale(channel, this.def(channel)));
  }

  private scale(channel: string, def: Obj): Obj {
    const name = this.name(channel);
    const scale: Obj = def.scale ?? {};
    if (channel === 'x' || channel === 'y') {
      const range = channel === 'x' ? [0, { signal: this.widthSignal }] : [{ signal: this.heightSignal }, 0];
      if (def.type === 'quantitative') {
        allowOnly(scale, ['type', 'domain', 'nice'], `${name}`);
        const domain = scale.domain ?? { data: this.data.get(channel), field: def.field };
        return { name, type: scale.type ?? 'linear', domain, range, nice: scale.nice ?? true, ...(scale.type === 'log' ? {} : { zero: true }) };
      }
      allowOnly(scale, ['paddingInner'], `${name}`);
      return { name, type: 'band', domain: { data: this.data.get(channel), field: def.field }, range: { step: { signal: `${name}_step` } }, paddingInner: scale.paddingInner, paddingOuter: 0.2 };
    }
    if (channel === 'yOffset') return { name, type: 'band', domain: scale.domain, range: { step: 10 } };
    return { name, type: 'ordinal', domain: scale.domain, range: scale.range };
  }

  /**
   * The view's axes (axis/assemble.ts): for x, then y, a grid axis where there is a grid (a continuous
   * scale's default), then every axis with its labels and title.
   */
  axes(): Obj[] {
    const grids: Obj[] = [];
    const mains: Obj[] = [];
    for (const channel of ['x', 'y'] as const) {
      const defs = this.defs.get(channel);
      if (!defs) continue;
      const given = defs.map((def) => def.axis).filter((axis) => axis !== undefined);
      if (given.includes(null)) {
        if (given.some((axis) => axis !== null)) untranslated(`${this.name(channel)}: some layers hide the axis, others draw it`);
        continue;
      }
      const axis: Obj = Object.assign({}, ...[...given].reverse());
      allowOnly(axis, ['title', 'description', 'values', 'labelExpr', 'grid', 'format', 'tickCount', 'labelLimit', 'ticks'], `${this.name(channel)}'s axis`);
      const def = this.def(channel);
      const continuous = def.type === 'quantitative';
      const scale = this.name(channel);
      const orient = channel === 'x' ? 'bottom' : 'left';
      const other = channel === 'x' ? 'y' : 'x';
      const gridScale = this.defs.has(other) ? { gridScale: this.name(other) } : {};
      const ticks = { ...(axis.values === undefined ? {} : { values: axis.values }), ...(axis.tickCount === undefined ? {} : { tickCount: axis.tickCount }) };
      if (axis.grid ?? continuous) {
        grids.push({ scale, orient, grid: true, ...ticks, ...gridScale, domain: false, labels: false, aria: false, maxExtent: 0, minExtent: 0, ticks: false, zindex: 0 });
      }
      const { labelExpr, grid: _grid, values: _values, tickCount: _tickCount, ...rest } = axis;
      if (rest.title === null) delete rest.title;
      else if (rest.title === undefined) untranslated(`${scale}'s axis has no title (vega-spec.ts does not make vega-lite's default one)`);
      mains.push({
        scale,
        orient,
        grid: false,
        ...rest,
        ...ticks,
        ...(continuous && channel === 'x' ? { labelFlush: true } : {}),
        ...(continuous ? { labelOverlap: def.scale?.type === 'log' ? 'greedy' : true } : {}),
        ...(labelExpr === undefined ? {} : { encode: { labels: { update: { text: { signal: labelExpr } } } } }),
        zindex: 0,
      });
    }
    return [...grids, ...mains];
  }

  /**
   * The view's legends (legend/assemble.ts, assembleLegends): one per field, the channels of one field
   * merged into one legend that lists their (equal) domain.
   */
  legends(): Obj[] {
    const byField = new Map<string, { channels: string[]; component: Component }>();
    for (const [channel, component] of this.legendParts) {
      const field = this.def(channel).field as string;
      const group = byField.get(field);
      if (!group) {
        byField.set(field, { channels: [channel], component });
        continue;
      }
      const first = group.channels[0] ?? channel;
      const domain = this.def(first).scale?.domain;
      if (!deepEqual(domain, this.def(channel).scale?.domain)) untranslated(`${this.view}: the legends of ${first} and ${channel} share a field but not a domain`);
      group.component = merge(group.component, component);
      group.channels.push(channel);
      // An empty domain lists nothing (legend/assemble.ts, setImplicitLegendValues).
      if (Array.isArray(domain) && domain.length && !group.component.get('values')?.explicit) group.component.set('values', { value: domain, explicit: false });
    }
    const legends: Obj[] = [];
    for (const { component } of byField.values()) {
      const legend: Obj = Object.fromEntries([...component].map(([key, prop]) => [key, prop.value]));
      const { disable, labelExpr, ...rest }: Obj = legend;
      if (disable) continue;
      const symbols = rest.encode?.symbols?.update;
      if (symbols) {
        if (symbols.fill && symbols.fill.value !== 'transparent' && !symbols.stroke && !rest.stroke) symbols.stroke = { value: 'transparent' };
        for (const channel of LEGEND_CHANNELS) if (rest[channel]) delete symbols[channel];
      }
      if (!rest.title) delete rest.title;
      if (labelExpr !== undefined) rest.encode = { ...rest.encode, labels: { update: { text: { signal: labelExpr } } } };
      legends.push(rest);
    }
    return legends;
  }
}

/**
 * One unit's legend of `channel` (legend/parse.ts, parseLegendForChannel): the legend's own properties,
 * vega-lite's defaults for the rest, and its symbols drawn like the mark (legend/encode.ts, symbols).
 */
function legendPart(channel: string, def: Obj, encoding: Obj, look: MarkLook, scale: string): Component {
  const component: Component = new Map([[channel, { value: scale, explicit: false }]]);
  if (def.legend === null) {
    component.set('disable', { value: true, explicit: true });
    return component;
  }
  const legend: Obj = def.legend ?? {};
  allowOnly(legend, ['title', 'orient', 'labelExpr', 'symbolStrokeColor', 'direction', 'offset', 'symbolType', 'symbolSize', 'labelFontSize'], `${scale}'s legend`);
  component.set('disable', { value: false, explicit: false });
  for (const [key, value] of Object.entries(legend)) component.set(key, { value, explicit: true });
  if (legend.title === undefined) component.set('title', { value: def.title ?? def.field, explicit: false });
  if (legend.direction === undefined && (legend.orient === 'top' || legend.orient === 'bottom')) component.set('direction', { value: 'horizontal', explicit: false });
  if (legend.symbolType === undefined) component.set('symbolType', { value: defaultSymbolType(look.type, channel, encoding.shape, look.shape), explicit: false });
  const symbols: Obj = {};
  if (look.fill) {
    if (channel === 'fill') {
      // The fill legend's symbols are filled by its scale.
    } else if ('field' in look.fill) {
      symbols.fill = { value: 'black' };
      symbols.fillOpacity = { value: look.opacity ?? 1 };
    } else symbols.fill = look.fill;
  }
  if (look.stroke && channel !== 'stroke' && !('field' in look.stroke) && legend.symbolStrokeColor === undefined) symbols.stroke = look.stroke;
  if (look.opacity !== undefined) symbols.opacity = { value: look.opacity };
  if (Object.keys(symbols).length) component.set('encode', { value: { symbols: { update: symbols } }, explicit: false });
  return component;
}

/** The symbol a legend shows by default (legend/properties.ts, defaultSymbolType). */
function defaultSymbolType(mark: string, channel: string, shape: Obj | undefined, markShape: unknown): unknown {
  if (channel !== 'shape' && !shape?.field && markShape !== undefined) return markShape;
  if (mark === 'bar' || mark === 'rect') return 'square';
  if (mark === 'line' || mark === 'rule') return 'stroke';
  return 'circle';
}

/** Two components merged property by property (split.ts, mergeValuesWithExplicit): what was set beats a default; else the first, but "circle" beats other symbols. */
function merge(first: Component | undefined, second: Component): Component {
  if (!first) return new Map([...second].map(([key, prop]) => [key, { ...prop }]));
  const merged: Component = new Map(first);
  for (const [key, prop] of second) {
    const mine = merged.get(key);
    if (!mine || mine.value === undefined) merged.set(key, prop);
    else if (mine.explicit && !prop.explicit) continue;
    else if (prop.explicit && !mine.explicit) merged.set(key, prop);
    else if (deepEqual(mine.value, prop.value)) continue;
    else if (key === 'symbolType' && prop.value === 'circle') merged.set(key, prop);
  }
  return merged;
}

/** config.title's anchor and offset, which vega-lite writes into each title. */
function titleConfig(config: Obj): Obj {
  const { anchor, offset } = config.title ?? {};
  return { ...(anchor === undefined ? {} : { anchor }), ...(offset === undefined ? {} : { offset }) };
}

/** vega-lite's config as Vega's (compile/config.ts, stripAndRedirectConfig): the font and sizes become styles. */
function vegaConfig(config: Obj): Obj {
  allowOnly(config, ['font', 'background', 'padding', 'view', 'title', 'axis', 'legend', 'header', 'text', 'concat'], 'config');
  const font = config.font === undefined ? {} : { font: config.font };
  const { fontSize: titleFontSize, anchor: _anchor, offset: _offset, ...title } = config.title ?? {};
  return {
    ...(config.axis ? { axis: config.axis } : {}),
    ...(config.legend ? { legend: config.legend } : {}),
    style: {
      'guide-label': { ...font },
      'guide-title': { ...font },
      'group-title': { ...font, ...(titleFontSize === undefined ? {} : { fontSize: titleFontSize }) },
      'group-subtitle': { ...font },
      ...(config.view?.stroke === undefined ? {} : { cell: { stroke: config.view.stroke } }),
      text: { ...font, ...config.text },
    },
    ...(Object.keys(title).length ? { title } : {}),
  };
}

/** A spec outside what this module translates: vega-lite's compile draws it instead. */
export class UntranslatedSpec extends Error {}

/** Throws on a key this module does not translate: the chart would come out other than vega-lite draws it. */
function allowOnly(object: Obj, keys: readonly string[], where: string): void {
  for (const key of Object.keys(object)) {
    if (!keys.includes(key)) untranslated(`${where}: vega-spec.ts does not translate Vega-Lite's "${key}"`);
  }
}

function untranslated(message: string): never {
  throw new UntranslatedSpec(message);
}
