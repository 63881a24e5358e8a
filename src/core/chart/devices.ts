// How the chart tells devices apart: the name each is shown under (one name, one device) and its colour;
// its point shape follows the same order (encodings.ts).
import type { Geometry } from './geometry.js';
import { DEVICE_COLORS } from './theme.js';

export interface DeviceStyle {
  /** Shown names, in the geometry's device order: the legend's entries. */
  names: string[];
  name(id: string): string;
  color(id: string): string;
}

/**
 * Names from `names` (else the id); legends map names to styles, so a name two devices share is followed by
 * the id on the second: 'H100 SXM (h100-pcie)'.
 */
export function deviceStyle(g: Geometry, names: Readonly<Record<string, string>>): DeviceStyle {
  const shown = new Map<string, string>();
  for (const { id } of g.devices) {
    const name = names[id] ?? id;
    shown.set(id, [...shown.values()].includes(name) ? `${name} (${id})` : name);
  }
  const index = new Map(g.devices.map((d, i) => [d.id, i]));
  return {
    names: g.devices.map((d) => shown.get(d.id)!),
    name: (id) => shown.get(id) ?? names[id] ?? id,
    color: (id) => DEVICE_COLORS[index.get(id)! % DEVICE_COLORS.length]!,
  };
}
