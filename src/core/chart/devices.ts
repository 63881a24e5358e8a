// How the chart tells devices apart: the name each is shown under (one name, one device), and its colour and
// point shape, which follow the device's id rather than its place in the report, so that a device looks the
// same in every chart and every run.
import type { Geometry } from './geometry.js';
import { DEVICE_COLORS, DEVICE_SHAPES } from './theme.js';

export interface DeviceStyle {
  /** Shown names, in the geometry's device order: the legend's entries. */
  names: string[];
  /** Colour and shape of each of `names`, in the same order. */
  colors: string[];
  shapes: string[];
  name(id: string): string;
  color(id: string): string;
}

/**
 * Names from `names` (else the id); legends map names to styles, so a name two devices share is followed by
 * the id on the second: 'H100 SXM (h100-pcie)'. Colours and shapes by `slots`.
 */
export function deviceStyle(g: Geometry, names: Readonly<Record<string, string>>): DeviceStyle {
  const shown = new Map<string, string>();
  for (const { id } of g.devices) {
    const name = names[id] ?? id;
    shown.set(id, [...shown.values()].includes(name) ? `${name} (${id})` : name);
  }
  const slot = slots(g.devices.map((d) => d.id));
  const color = (id: string) => DEVICE_COLORS[slot.get(id) ?? 0]!;
  return {
    names: g.devices.map((d) => shown.get(d.id)!),
    colors: g.devices.map((d) => color(d.id)),
    shapes: g.devices.map((d) => DEVICE_SHAPES[slot.get(d.id)!]!),
    name: (id) => shown.get(id) ?? names[id] ?? id,
    color,
  };
}

/**
 * Each device's place in the palette (DEVICE_COLORS and DEVICE_SHAPES): its id's hash, so the same device
 * gets the same colour in every chart. Two devices of one chart that hash alike never share it: in the
 * order of their ids, the first keeps it and the next takes the next free place, so a device's colour
 * depends only on the ids beside it, never on the report's order. Past 8 devices places repeat.
 */
export function slots(ids: readonly string[]): Map<string, number> {
  const size = DEVICE_COLORS.length;
  const taken = new Set<number>();
  const out = new Map<string, number>();
  for (const id of [...new Set(ids)].sort()) {
    const preferred = fnv1a(id) % size;
    let slot = preferred;
    for (let step = 0; step < size && taken.has(slot); step++) slot = (preferred + step + 1) % size;
    if (taken.has(slot)) slot = preferred;
    taken.add(slot);
    out.set(id, slot);
  }
  return out;
}

/** 32-bit FNV-1a over the id's UTF-16 code units: fnv1a('h100-sxm') % 8 //=> 1; 'a100-sxm4-80gb' 2; 'l4' 5. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
