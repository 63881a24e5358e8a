// Records keyed by names from a config (memory levels, device ids, model names): a plain `{}` answers
// `constructor`, `toString` or `__proto__` from Object.prototype, so a level named `constructor` would add
// a function to a byte count. These records have no prototype, and a lookup sees own keys only.

/**
 * Records whose prototype is an empty object with no prototype of its own: nothing to inherit, as with
 * Object.create(null), but V8 keeps them in its fast form (`Object.create(null)` starts a record as a hash
 * table): a million ops' byte counts take 0.4 of the memory and build faster.
 */
function KeyedRecord(): void {}
KeyedRecord.prototype = Object.create(null) as object;

/** An empty record that inherits nothing: keyedRecord<number>()['constructor'] //=> undefined. */
export function keyedRecord<T>(): Record<string, T> {
  return new (KeyedRecord as unknown as new () => Record<string, T>)();
}

/** `record[key]` when `key` is the record's own, else undefined: ownValue({}, 'toString') //=> undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
