// zod's mini API, the one every schema of the engine is written in (`import * as z from './zod.js'`): its
// schemas carry no methods (a check, an optional or a pipe is a function of the schema), so the bundle holds
// only the functions the schemas call, and a start compiles less than with zod's classic API. Mini sets no
// locale of its own, where classic zod set English at its first schema: English is set here, before any
// schema is built, for the messages the schemas leave to zod ("Invalid input: expected string, received number").
import { clone, config, globalRegistry, locales, type core, type ZodMiniType } from 'zod/mini';

config(locales.en());

export * from 'zod/mini';

/**
 * `schema` with `data` as its metadata (a description, a title, examples): a copy, as classic zod's
 * `.meta()` made, so that one schema can take another description in another place.
 */
export function withMeta<T extends ZodMiniType>(schema: T, data: core.GlobalMeta): T {
  const copy = clone(schema) as T;
  globalRegistry.add(copy, data);
  return copy;
}
