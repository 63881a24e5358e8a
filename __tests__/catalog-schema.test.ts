// The JSON Schema editors read (`roofline-gate schema`): hardware ids complete from the catalog, and hovering
// any key explains it.
import { describe, expect, it } from '@jest/globals';
import { CATALOG } from '../src/core/catalog/index.js';
import { configJsonSchema } from '../src/core/config/index.js';

interface Node {
  description?: string;
  properties?: Record<string, Node>;
  items?: Node;
  additionalProperties?: Node | boolean;
  anyOf?: Node[];
  examples?: unknown[];
}

const schema = configJsonSchema() as Node;

/** Every key path under `properties`, with its schema, through items, records and unions. */
function keys(node: Node, path: string, out: Array<[string, Node]> = []): Array<[string, Node]> {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    out.push([`${path}.${key}`, child]);
    keys(child, `${path}.${key}`, out);
  }
  if (node.items) keys(node.items, `${path}[]`, out);
  if (typeof node.additionalProperties === 'object') keys(node.additionalProperties, `${path}.*`, out);
  node.anyOf?.forEach((branch) => keys(branch, path, out));
  return out;
}

/** The string schemas a `hardware:` value may take: the single id and the list's items. */
const hardwareStrings = (node: Node): Node[] => node.anyOf!.flatMap((branch) => (branch.items ? [branch.items] : [branch]));

describe('the JSON Schema', () => {
  it('offers every built-in id and alias as examples wherever hardware is named', () => {
    const names = CATALOG.flatMap((entry) => [entry.id, ...entry.aliases]);
    const places = [schema.properties!.hardware!, schema.properties!.models!.items!.properties!.hardware!];
    for (const place of places) {
      for (const string of hardwareStrings(place)) {
        expect(string.examples).toEqual(expect.arrayContaining(['a100', 'a100-sxm4-80gb', 'h100', 'mi250x-gcd', 'trillium']));
        expect(new Set(string.examples)).toEqual(new Set(names));
      }
    }
  });

  it('still takes an id defined under devices: the examples are not an enum', () => {
    for (const string of hardwareStrings(schema.properties!.hardware!)) expect(string).toMatchObject({ type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
  });

  it('describes every key, so that an editor explains it on hover', () => {
    const all = keys(schema, '');
    expect(all.map(([path]) => path)).toEqual(expect.arrayContaining(['.catalog.kinds', '.gate.models.*.budgets', '.devices.*.memory', '.models[].ops']));
    const bare = all.filter(([, node]) => !node.description).map(([path]) => path);
    expect(bare).toEqual([]);
  });
});
