import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import type { ErrorDetail } from '../errors.ts';
import { quoteInput, truncateInput } from './echo.ts';
import { instantProblem, isAcceptedInstant } from '../schemas/instant.ts';

// ajv-formats is CommonJS with a default export; under NodeNext the namespace is what we get.
const addFormatsModuleFn = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * ajv-formats, with `date-time` narrowed to the instants the API accepts (see
 * `schemas/instant.ts`): the one place every instant of every request is bounded.
 */
function addFormats(ajv: Ajv): Ajv {
  return addFormatsModuleFn(ajv).addFormat('date-time', {
    type: 'string',
    validate: isAcceptedInstant,
  });
}

/**
 * Request bodies are validated strictly: no type coercion (`"10"` is not 10), no silent
 * removal of unknown properties (they are a 400), no defaults filled in. Fastify's own
 * Ajv does all three, so bodies get this instance instead.
 */
const bodyAjv = addFormats(
  new Ajv({
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    strict: false,
    // Errors carry the failing schema and value, so messages can quote the schema's description.
    verbose: true,
  }),
);

/** Query strings and path parameters are text by nature: numbers are coerced from it. */
const textAjv = addFormats(
  new Ajv({
    coerceTypes: true,
    removeAdditional: false,
    useDefaults: true,
    strict: false,
    verbose: true,
  }),
);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const ajv = httpPart === 'body' ? bodyAjv : textAjv;
  return ajv.compile(withoutIds(schema as object));
};

const idFree = new WeakMap<object, object>();

/**
 * The schema without its `$id`s. They name OpenAPI components (openapi-components.ts);
 * to Ajv they would be schema resources, and the same `$id` reached twice (one schema in
 * two routes, or twice in one body) is an error to it. Cached, so Ajv's own cache (by
 * schema identity) still hits when two routes share a schema.
 */
function withoutIds(schema: object): object {
  const cached = idFree.get(schema);
  if (cached !== undefined) return cached;
  const stripped = JSON.parse(
    JSON.stringify(schema, (key, value: unknown) => (key === '$id' ? undefined : value)),
  ) as object;
  idFree.set(schema, stripped);
  return stripped;
}

/**
 * Dotted path of a JSON pointer: `/workingHours/weekly/mon/0/end` → `workingHours.weekly.mon[0].end`.
 * The keys are the client's (an unknown property, an override's date), so each is truncated.
 */
export function pointerToPath(pointer: string): string {
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const segment = truncateInput(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
    out += /^\d+$/.test(segment) ? `[${segment}]` : out === '' ? segment : `.${segment}`;
  }
  return out;
}

function joinPath(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

/**
 * Ajv errors → details naming the field. Under an `anyOf` (a schema or its shorthand),
 * only the branch that got furthest into the input is reported, since the errors of the
 * branch the client did not mean are noise.
 */
export function describeValidationErrors(
  errors: readonly ErrorObject[],
  part: string | undefined,
): ErrorDetail[] {
  const relevant = pickDeepestBranches(errors.filter((e) => e.keyword !== 'anyOf'));
  const details = relevant.map((error) => describeOne(error));
  const unique = new Map(details.map((d) => [`${d.field}\u0000${d.message}`, d]));
  const list = [...unique.values()];
  return part && part !== 'body' ? list.map((d) => ({ ...d, in: part })) : list;
}

function describeOne(error: ErrorObject): ErrorDetail {
  const base = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: joinPath(base, String(params['missingProperty'])), message: 'is required' };
    case 'additionalProperties':
      return {
        field: joinPath(base, truncateInput(String(params['additionalProperty']))),
        message: 'is not an allowed property',
      };
    case 'type':
      return { field: base || '(root)', message: `must be ${String(params['type'])}` };
    case 'enum':
      return {
        field: base || '(root)',
        message: `must be one of ${(params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    case 'const':
      return {
        field: base || '(root)',
        message: `must be ${JSON.stringify(params['allowedValue'])}`,
      };
    case 'format':
      if (params['format'] === 'date-time' && typeof error.data === 'string') {
        return {
          field: base || '(root)',
          message: `${quoteInput(error.data)} ${instantProblem(error.data) ?? 'is invalid'}`,
        };
      }
    // falls through
    case 'pattern': {
      // A regular expression tells a client little; the schema's description tells it what to send.
      const description = (error.parentSchema as { description?: unknown } | undefined)
        ?.description;
      if (typeof description !== 'string') break;
      const value = typeof error.data === 'string' ? `${quoteInput(error.data)} ` : '';
      return {
        field: base || '(root)',
        message: `${value}is not valid; expected: ${description.replace(/\.$/, '')}`,
      };
    }
  }
  return { field: base || '(root)', message: error.message ?? 'is invalid' };
}

/** The share of the object's keys (0–1) that the object schema an error is about declares. */
function knownShare(error: ErrorObject): number {
  const data: unknown = error.data;
  const properties = (error.parentSchema as { properties?: unknown } | undefined)?.properties;
  if (typeof data !== 'object' || data === null || typeof properties !== 'object') return 0;
  const keys = Object.keys(data);
  if (keys.length === 0 || properties === null) return 0;
  return keys.filter((key) => Object.hasOwn(properties, key)).length / keys.length;
}

/** Keeps, for each anyOf group, only the errors of the branch with the deepest instance path. */
function pickDeepestBranches(errors: readonly ErrorObject[]): ErrorObject[] {
  const branchOf = (e: ErrorObject): { group: string; branch: string } | undefined => {
    const match = /^(.*\/anyOf)\/(\d+)\//.exec(`${e.schemaPath}/`);
    return match ? { group: match[1]!, branch: match[2]! } : undefined;
  };
  // A missing or unexpected property names a field one level down, but it is less
  // progress than a wrong value at that level: up to half a step, more the more of the
  // object's keys the branch knows. `{start, end, foo}` then reads as the shorthand with
  // an unknown `foo`, not as the full form missing `weekly`.
  const depth = (e: ErrorObject): number =>
    e.instancePath.split('/').length +
    (e.keyword === 'required' || e.keyword === 'additionalProperties'
      ? 0.25 + 0.25 * knownShare(e)
      : 0);
  const best = new Map<string, { branch: string; depth: number }>();
  for (const error of errors) {
    const b = branchOf(error);
    if (!b) continue;
    const current = best.get(b.group);
    if (!current || depth(error) > current.depth)
      best.set(b.group, { branch: b.branch, depth: depth(error) });
  }
  return errors.filter((error) => {
    const b = branchOf(error);
    return !b || best.get(b.group)?.branch === b.branch;
  });
}
