// YAML text -> plain values, plus a way back from a key path to a line and column.
//
// js-yaml's event parser is used rather than `yaml`'s Document API: on 100k inline ops it parses in about
// 0.5 s where building a Document takes over 6 s and 1.4 GB (measured on the 2-core CI machine). The
// events keep source offsets, so a position is found only when an error needs one.
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, YAMLException } from 'js-yaml';
import type { Event } from 'js-yaml';
import { CONFIG_MAX_BYTES, MAX_ALIASES, MAX_YAML_ITEMS } from '../limits.js';
import { wholeNumber } from '../format.js';
import { ConfigError, lineStarts, type Position } from './errors.js';

export type KeyPath = ReadonlyArray<string | number>;

export interface LoadedYaml {
  value: unknown;
  /** Where the value at `path` starts; with `key: true`, where its key starts. Falls back to the nearest parent. */
  locate(path: KeyPath, options?: { key?: boolean }): Position;
}

/** Nodes visited when walking the loaded value, counting each use of an alias again. */
const MAX_EXPANDED_NODES_PER_EVENT = 20;

/** What one file may hold: a config by default; a JSON op table allows more. */
export interface YamlLimits {
  /** Bytes of the file. */
  bytes: number;
  /** Items in one list or mapping. */
  items: number;
}

const CONFIG_LIMITS: YamlLimits = { bytes: CONFIG_MAX_BYTES, items: MAX_YAML_ITEMS };

export function loadYaml(text: string, file: string, limits: YamlLimits = CONFIG_LIMITS): LoadedYaml {
  if (text.trim() === '') throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is empty: expected a config starting with `version: 1`');
  if (text.includes('\u0000')) throw ConfigError.at(file, { line: 1, column: 1 }, [], 'the file is binary, not YAML text');
  // A UTF-8 byte is at most one UTF-16 unit, and a unit at most three bytes: the exact count only near the limit.
  if (text.length > limits.bytes || (text.length * 3 > limits.bytes && new TextEncoder().encode(text).length > limits.bytes)) {
    const advice = limits === CONFIG_LIMITS ? ": list large models' ops in an op table file" : '';
    throw ConfigError.at(file, { line: 1, column: 1 }, [], `the file is larger than ${limits.bytes / 1024 / 1024} MiB, the limit for ${limits === CONFIG_LIMITS ? 'a config' : 'this file'}${advice}`);
  }
  let events: Event[];
  let value: unknown;
  try {
    events = parseEvents(text, { maxDepth: 64 });
    const crowded = largestCollection(events, limits.items);
    if (crowded !== undefined) {
      const position = toPosition(lineStarts(text), startOf(events[crowded.index]));
      throw ConfigError.at(file, position, [], `a YAML ${crowded.what} of ${wholeNumber(crowded.items)} items: at most ${wholeNumber(limits.items)} are accepted in one list or mapping`, text);
    }
    const documents = constructFromEvents(events, { source: text, maxAliases: MAX_ALIASES });
    if (documents.length > 1) throw new YAMLException('expected one YAML document, found several (a second `---`)');
    value = documents[0];
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const mark = error.mark;
    const position = mark ? { line: mark.line + 1, column: mark.column + 1 } : { line: 1, column: 1 };
    throw ConfigError.at(file, position, [], `YAML syntax: ${error.reason}`, text);
  }
  // Aliases are shared references: a few levels of them expand to billions of nodes for anything that
  // walks the value (the schema does). Refuse before that walk.
  if (expandedSize(value, Math.max(100_000, events.length * MAX_EXPANDED_NODES_PER_EVENT)) < 0) {
    throw ConfigError.at(file, { line: 1, column: 1 }, [], 'YAML aliases expand to far more nodes than the file holds (an alias bomb)');
  }
  let lines: number[] | undefined;
  let tree: EventTree | undefined;
  return {
    value,
    locate: (path, options = {}) => {
      lines ??= lineStarts(text);
      tree ??= new EventTree(events, text);
      return toPosition(lines, Math.max(0, tree.offsetOf(path, options.key ?? false)));
    },
  };
}

/** Nodes in `value` counting shared references each time, or -1 once past `budget`. */
function expandedSize(value: unknown, budget: number): number {
  let count = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (++count > budget) return -1;
    // One at a time: spreading a list of 125k items into push() overflows the stack.
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (node !== null && typeof node === 'object') for (const item of Object.values(node)) stack.push(item);
  }
  return count;
}

/** The first list or mapping with more than `most` items (a mapping's key and value counted as one). */
function largestCollection(events: Event[], most: number): { index: number; what: 'list' | 'mapping'; items: number } | undefined {
  const open: Array<{ index: number; children: number }> = [];
  for (let i = 0; i < events.length; i++) {
    const type = events[i]!.type;
    if (type === EVENT_ID.POP) {
      const done = open.pop();
      if (done === undefined) continue;
      const what = events[done.index]!.type === EVENT_ID.MAPPING ? 'mapping' : 'list';
      const items = what === 'mapping' ? done.children / 2 : done.children;
      if (items > most) return { index: done.index, what, items };
      continue;
    }
    const parent = open[open.length - 1];
    if (parent) parent.children++;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) open.push({ index: i, children: 0 });
  }
  return undefined;
}

/**
 * The events as a tree, built in one pass on the first lookup: each node's end, and, once asked for, each
 * collection's children by key or by position. A lookup is then one step per path segment, so locating
 * every one of 10k models' errors is linear in the file (a walk of the events per lookup was quadratic).
 */
class EventTree {
  /** `ends[i]`: the index after the node that starts at event `i`. */
  private readonly ends: Int32Array;
  private readonly items = new Map<number, number[]>();
  /** Per mapping: each scalar key's first occurrence, as the indices of the key and of its value. */
  private readonly keys = new Map<number, Map<string, { key: number; value: number }>>();

  constructor(
    private readonly events: Event[],
    private readonly text: string,
  ) {
    this.ends = new Int32Array(events.length);
    const open: number[] = [];
    for (let i = 0; i < events.length; i++) {
      const type = events[i]!.type;
      if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) open.push(i);
      else if (type === EVENT_ID.POP && open.length > 0) this.ends[open.pop()!] = i + 1;
      else this.ends[i] = i + 1;
    }
    for (const unclosed of open) this.ends[unclosed] = events.length;
  }

  /** Start offset of the node (or key) at `path`, or of its deepest existing ancestor. */
  offsetOf(path: KeyPath, wantKey: boolean): number {
    const { events } = this;
    let index = 1; // events[0] is the document
    let keyOffset = -1;
    for (const step of path) {
      const event = events[index];
      if (!event) break;
      if (event.type === EVENT_ID.MAPPING && typeof step === 'string') {
        const entry = this.keysOf(index).get(step);
        if (entry === undefined) break;
        keyOffset = (events[entry.key] as Extract<Event, { type: typeof EVENT_ID.SCALAR }>).valueStart;
        index = entry.value;
      } else if (event.type === EVENT_ID.SEQUENCE && typeof step === 'number') {
        const item = this.itemsOf(index)[Math.max(0, step)];
        if (item === undefined) break;
        index = item;
        keyOffset = -1;
      } else {
        break;
      }
    }
    if (wantKey && keyOffset >= 0) return keyOffset;
    return startOf(events[index]);
  }

  /** Indices of the children of the collection at `index`, in order (a mapping's keys and values alike). */
  private itemsOf(index: number): number[] {
    let items = this.items.get(index);
    if (items === undefined) {
      items = [];
      for (let child = index + 1; child < this.events.length && this.events[child]!.type !== EVENT_ID.POP; child = this.ends[child]!) items.push(child);
      this.items.set(index, items);
    }
    return items;
  }

  private keysOf(index: number): Map<string, { key: number; value: number }> {
    let keys = this.keys.get(index);
    if (keys === undefined) {
      keys = new Map();
      const items = this.itemsOf(index);
      for (let i = 0; i + 1 < items.length; i += 2) {
        const key = this.events[items[i]!]!;
        if (key.type !== EVENT_ID.SCALAR) continue;
        const name = getScalarValue(this.text, key);
        if (!keys.has(name)) keys.set(name, { key: items[i]!, value: items[i + 1]! });
      }
      this.keys.set(index, keys);
    }
    return keys;
  }
}

function startOf(event: Event | undefined): number {
  if (!event) return 0;
  switch (event.type) {
    case EVENT_ID.SCALAR:
      return event.valueStart;
    case EVENT_ID.MAPPING:
    case EVENT_ID.SEQUENCE:
      return event.start;
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return 0;
  }
}

function toPosition(starts: number[], offset: number): Position {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low]! + 1 };
}
