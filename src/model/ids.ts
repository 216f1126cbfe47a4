// Objects keyed by ids that users choose. An id may be any name, including the names of
// Object.prototype's members ("constructor", "toString", "__proto__"): a plain {} would read those
// from its prototype, and assigning "__proto__" would replace the prototype instead of storing a
// value. Objects from byId() have no prototype, so every id is an ordinary key, and they still
// serialise to JSON (and cross to a worker) like any object.

/** An empty object for values keyed by id, with no prototype. */
export function byId<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A null-prototype copy of entries keyed by id (safe for "__proto__"). */
export function byIdFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = byId<T>();
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** The value stored under `key` in `record` itself (never one inherited from its prototype). */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}
