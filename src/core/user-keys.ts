// Records keyed by names from a config (memory levels, device ids, model names): a plain `{}` answers
// `constructor`, `toString` or `__proto__` from Object.prototype, so a level named `constructor` would add
// a function to a byte count. These records have no prototype, and a lookup sees own keys only.

/** An empty record with no prototype: keyedRecord<number>()['constructor'] //=> undefined. */
export function keyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** `record[key]` when `key` is the record's own, else undefined: ownValue({}, 'toString') //=> undefined. */
export function ownValue<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}
