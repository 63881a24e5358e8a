// Looking devices up in the built-in catalog, by id or by the alias a user types.
import { keyedRecord } from '../user-keys.js';
import type { Device } from '../types.js';
import { CATALOG } from './devices.js';
import type { CatalogEntry } from './types.js';

export type { CatalogEntry, Figure, LevelName, Source } from './types.js';
export { CATALOG };

const byName = new Map<string, CatalogEntry>();
for (const entry of CATALOG) {
  byName.set(entry.id, entry);
  for (const alias of entry.aliases) byName.set(alias, entry);
}

/** The catalog entry for an id or alias, case-insensitively: findEntry('H100')?.id //=> 'h100-sxm'. */
export function findEntry(idOrAlias: string): CatalogEntry | undefined {
  return byName.get(idOrAlias.toLowerCase());
}

/** Every id and alias, for suggesting the nearest one to a misspelling. */
export function catalogNames(): string[] {
  return [...byName.keys()];
}

/** The catalog entry as the math sees it. */
export function toDevice(entry: CatalogEntry): Device {
  const flopsPerSecond: Device['flopsPerSecond'] = {};
  const kinds: NonNullable<Device['figureKinds']> = { compute: {}, levels: keyedRecord() };
  for (const [precision, figure] of Object.entries(entry.compute)) {
    flopsPerSecond[precision as keyof typeof entry.compute] = figure.value;
    kinds.compute[precision as keyof typeof entry.compute] = figure.kind;
  }
  for (const level of entry.levels) kinds.levels[level.name] = level.bytesPerSecond.kind;
  return {
    id: entry.id,
    name: entry.name,
    flopsPerSecond,
    levels: entry.levels.map((level) => ({ name: level.name, bytesPerSecond: level.bytesPerSecond.value })),
    capacityBytes: entry.capacityBytes.value,
    builtIn: true,
    figureKinds: kinds,
  };
}
