// Checks requests against GitHub's own REST description (@octokit/openapi): the method and path must be an
// operation GitHub has, the query names must be its parameters, and the JSON body must match its schema.
// Bodies are checked strictly (no unknown keys): GitHub ignores a misspelt field, a test should not.
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

const require = createRequire(import.meta.url);

type Schema = Record<string, unknown>;

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: Record<string, Record<string, Schema>>;
}

interface Operation {
  operationId: string;
  parameters?: Array<Schema & { $ref?: string; name?: string; in?: string }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface Route {
  operationId: string;
  method: string;
  template: string;
  params: Record<string, string>;
}

interface Compiled {
  method: string;
  template: string;
  pattern: RegExp;
  names: string[];
  literal: number;
  operation: Operation;
}

let loaded: { operations: Compiled[]; api: OpenApi } | undefined;

/**
 * GitHub's description (about 13 MB of JSON) read and its routes compiled, once; the fake calls it as it
 * starts, so that its first answer is not a quarter of a second late and holds up the others in flight.
 */
export function load() {
  if (loaded) return loaded;
  const api = require('@octokit/openapi/generated/api.github.com.json') as OpenApi;
  const operations: Compiled[] = [];
  for (const [template, item] of Object.entries(api.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== 'object' || !('operationId' in operation)) continue;
      const names: string[] = [];
      const segments = template.split('/');
      const source = segments
        .map((segment, index) => {
          const match = /^\{(\w+)\}$/.exec(segment);
          if (!match) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
          names.push(match[1]!);
          // A file path or a ref as the last parameter may hold slashes, encoded or not.
          return index === segments.length - 1 && (match[1] === 'path' || match[1] === 'ref') ? '(.+)' : '([^/]+)';
        })
        .join('/');
      const literal = segments.filter((segment) => !segment.startsWith('{')).length;
      operations.push({ method: method.toUpperCase(), template, pattern: new RegExp(`^${source}$`), names, literal, operation });
    }
  }
  // The most specific template first: `/git/ref/{ref}` before anything with fewer fixed segments.
  operations.sort((a, b) => b.literal - a.literal);
  loaded = { operations, api };
  return loaded;
}

const ajv = new Ajv({ strict: false, allErrors: true });
(addFormatsModule as unknown as (ajv: Ajv) => void)(ajv);
const validators = new Map<string, ValidateFunction | null>();

/** The operation a request is, or a reason it is none. */
export function matchRoute(method: string, pathname: string): Route | string {
  const { operations } = load();
  const candidates = operations.filter((op) => op.pattern.test(pathname));
  const operation = candidates.find((op) => op.method === method);
  if (!operation) {
    return candidates.length > 0
      ? `${method} ${pathname}: GitHub has ${candidates.map((op) => op.method).join('/')} there, not ${method}`
      : `${method} ${pathname}: no such route in GitHub's REST API`;
  }
  const values = operation.pattern.exec(pathname)!.slice(1);
  const params = Object.fromEntries(operation.names.map((name, i) => [name, decodeURIComponent(values[i]!)]));
  return { operationId: operation.operation.operationId, method, template: operation.template, params };
}

/** Problems with the query and body of a request to `route`; empty when it is one GitHub accepts. */
export function checkRequest(route: Route, query: URLSearchParams, body: unknown): string[] {
  const { operations, api } = load();
  const operation = operations.find((op) => op.method === route.method && op.template === route.template)!.operation;
  const problems: string[] = [];
  const declared = new Set(
    (operation.parameters ?? []).map((parameter) => resolve(api, parameter) as { name: string; in: string }).filter((p) => p.in === 'query').map((p) => p.name),
  );
  for (const name of query.keys()) if (!declared.has(name)) problems.push(`query parameter "${name}" is not one of ${[...declared].join(', ') || '(none)'}`);

  const validate = validatorFor(api, route, operation);
  if (validate === null) {
    if (body !== undefined) problems.push('the operation takes no body');
  } else if (body === undefined) {
    problems.push('the operation needs a JSON body');
  } else if (!validate(body)) {
    for (const error of validate.errors ?? []) problems.push(`body${error.instancePath} ${error.message}${error.params && 'additionalProperty' in error.params ? ` (${String(error.params.additionalProperty)})` : ''}`);
  }
  return problems.map((problem) => `${route.method} ${route.template} (${route.operationId}): ${problem}`);
}

function validatorFor(api: OpenApi, route: Route, operation: Operation): ValidateFunction | null {
  const key = `${route.method} ${route.template}`;
  if (!validators.has(key)) {
    const schema = operation.requestBody?.content['application/json']?.schema;
    validators.set(key, schema ? ajv.compile(closed(resolve(api, schema)) as Schema) : null);
  }
  return validators.get(key)!;
}

/** Inlines `$ref`s (request bodies are small trees; a cycle stops at its second visit). */
function resolve(api: OpenApi, node: unknown, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map((item) => resolve(api, item, seen));
  if (node === null || typeof node !== 'object') return node;
  const ref = (node as { $ref?: string }).$ref;
  if (typeof ref === 'string') {
    if (seen.includes(ref)) return {};
    const [, , group, name] = ref.split('/');
    return resolve(api, api.components[group!]![name!], [...seen, ref]);
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, resolve(api, value, seen)]));
}

/** Objects with listed properties accept no others, except where composition keywords make that unsound. */
function closed(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closed);
  if (node === null || typeof node !== 'object') return node;
  const schema = node as Schema;
  const composite = 'allOf' in schema || 'anyOf' in schema || 'oneOf' in schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === 'allOf' || key === 'anyOf' || key === 'oneOf' ? value : closed(value);
  }
  if (!composite && schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) out.additionalProperties = false;
  return out;
}
