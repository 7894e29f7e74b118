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
  const pointer = forbiddenKeyPointer(value, '');
  if (pointer !== null) {
    const field = pointerToPath(pointer);
    const key = pointer.slice(pointer.lastIndexOf('/') + 1);
    throw validationFailed(
      `Invalid request body: ${field} is a forbidden property key (${key === 'constructor' ? 'constructor with a prototype' : '__proto__'} is refused anywhere in a body)`,
      [{ field, message: 'is a forbidden property key' }],
    );
  }
  return value;
}

/** JSON pointer of the first forbidden key in `value`, or null. */
function forbiddenKeyPointer(value: unknown, at: string): string | null {
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, child] of Object.entries(value) as [string, unknown][]) {
    const pointer = `${at}/${Array.isArray(value) ? key : key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (key === '__proto__') return pointer;
    if (
      key === 'constructor' &&
      typeof child === 'object' &&
      child !== null &&
      Object.hasOwn(child, 'prototype')
    ) {
      return pointer;
    }
    const found = forbiddenKeyPointer(child, pointer);
    if (found !== null) return found;
  }
  return null;
}
