import { errorCodes } from 'fastify';
import { validationFailed } from '../errors.ts';
import { pointerToPath } from './validation.ts';

/**
 * Keys refused anywhere in a JSON body, as Fastify's own parser refuses them
 * (`onProtoPoisoning` / `onConstructorPoisoning`): `__proto__`, and `constructor` holding
 * an object with `prototype`. Fastify reports both as "invalid JSON"; this parser says
 * which key, where.
 */
const SUSPECT_TEXT = /__proto__|constructor|\\u/;
const MAX_SHOWN_LEVELS = 32;

/**
 * The kit's `application/json` body parser: JSON.parse, then a 400 VALIDATION_FAILED
 * naming a forbidden key's path (`customer.__proto__`). An empty body and malformed JSON
 * keep Fastify's errors (the error handler's "is required" / "is not valid JSON").
 */
export function parseJsonBody(text: string): unknown {
  if (text.length === 0) throw new errorCodes.FST_ERR_CTP_EMPTY_JSON_BODY();
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new errorCodes.FST_ERR_CTP_INVALID_JSON_BODY();
  }
  // JSON.parse makes `__proto__` an own property (no pollution); scanning is only for
  // naming it, so texts that cannot contain one skip the walk.
  if (!SUSPECT_TEXT.test(text)) return value;
  const keys = forbiddenKeyPath(value);
  if (keys !== null) {
    const key = keys[keys.length - 1];
    // A path hundreds of thousands of levels deep is named by its last levels.
    const shown = keys.slice(-MAX_SHOWN_LEVELS);
    const path = pointerToPath(
      shown.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join(''),
    );
    const field = shown.length < keys.length ? `…${path}` : path;
    throw validationFailed(
      `Invalid request body: ${field} is a forbidden property key (${key === 'constructor' ? 'constructor with a prototype' : '__proto__'} is refused anywhere in a body)`,
      [{ field, message: 'is a forbidden property key' }],
    );
  }
  return value;
}

interface Visit {
  readonly value: unknown;
  readonly key: string;
  readonly parent: Visit | null;
}

/**
 * The keys leading to a forbidden key in `value` (that key last), or null. Iterative,
 * with the path kept as parent links and spelled out only when found: JSON.parse accepts
 * nesting deeper than the call stack (a 1 MiB body can be 500,000 levels deep).
 */
function forbiddenKeyPath(value: unknown): string[] | null {
  const pending: Visit[] = [{ value, key: '', parent: null }];
  for (let visit = pending.pop(); visit !== undefined; visit = pending.pop()) {
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    for (const [key, child] of Object.entries(visit.value) as [string, unknown][]) {
      const here: Visit = { value: child, key, parent: visit };
      if (key === '__proto__') return keysOf(here);
      if (
        key === 'constructor' &&
        typeof child === 'object' &&
        child !== null &&
        Object.hasOwn(child, 'prototype')
      ) {
        return keysOf(here);
      }
      pending.push(here);
    }
  }
  return null;
}

function keysOf(visit: Visit): string[] {
  const keys: string[] = [];
  for (let at: Visit | null = visit; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse();
}
