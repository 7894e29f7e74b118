/**
 * `compute`, remembering its last key and answer: a call with the same key as the one
 * before (compared with `===`) returns the answer it gave then. For a hot path whose
 * consecutive calls mostly repeat a key — a dispatcher's batch relays one stored
 * `traceparent` for every message of a broadcast, and consecutive deliveries share a
 * millisecond — not a cache: one entry, no eviction, nothing kept beyond the last key.
 * The answer is shared between callers: for values they only read.
 *
 * @example
 * const isoAt = rememberingLast((ms: number) => new Date(ms).toISOString());
 * isoAt(0); // → '1970-01-01T00:00:00.000Z' (computed)
 * isoAt(0); // → the same string (remembered)
 */
export function rememberingLast<K, V>(compute: (key: K) => V): (key: K) => V {
  let last: { readonly key: K; readonly value: V } | undefined;
  return (key) => {
    if (last === undefined || last.key !== key) last = { key, value: compute(key) };
    return last.value;
  };
}
