import type { ServiceName } from '@screenmagic/service-kit/core';
import { ownerOf } from './route-table.ts';

/** The parts of an OpenAPI 3.x document the merge reads; everything else is carried over. */
export interface OpenApiDocument {
  openapi?: string;
  info?: Record<string, unknown>;
  paths?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown> | undefined>;
  tags?: Array<{ name: string; [key: string]: unknown }>;
  [key: string]: unknown;
}

export interface ServiceDocument {
  readonly service: ServiceName;
  readonly document: OpenApiDocument;
}

const COMPONENT_REF = /^#\/components\/([^/]+)\/(.+)$/;

/**
 * One public OpenAPI document from the services' own: the paths the gateway routes to each
 * service (nothing else, so `/internal/*` and health routes never appear), their
 * components, the union of their tags, and the gateway's bearer security scheme. A
 * component two services define differently is renamed `<service>_<name>` in the second
 * one, with its `$ref`s rewritten, so neither service's schema is lost.
 */
export function mergeOpenApi(
  services: readonly ServiceDocument[],
  info: { title: string; version: string; description?: string },
): OpenApiDocument {
  const paths: Record<string, unknown> = {};
  const components: Record<string, Record<string, unknown>> = {};
  const tags = new Map<string, { name: string; [key: string]: unknown }>();

  for (const { service, document } of services) {
    const renames = new Map<string, string>();
    for (const [kind, entries] of Object.entries(document.components ?? {})) {
      if (kind === 'securitySchemes' || entries === undefined) continue;
      const target = (components[kind] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        const existing = target[name];
        if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(value)) {
          renames.set(`#/components/${kind}/${name}`, `#/components/${kind}/${service}_${name}`);
        }
      }
    }
    const rewrite = (value: unknown): unknown =>
      renames.size === 0 ? value : rewriteRefs(value, renames);

    for (const [kind, entries] of Object.entries(document.components ?? {})) {
      if (kind === 'securitySchemes' || entries === undefined) continue;
      const target = (components[kind] ??= {});
      for (const [name, value] of Object.entries(entries)) {
        const renamed = renames.get(`#/components/${kind}/${name}`);
        const key = renamed === undefined ? name : (COMPONENT_REF.exec(renamed)?.[2] ?? name);
        target[key] = rewrite(value);
      }
    }
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (ownerOf(path) === service) paths[path] = rewrite(item);
    }
    for (const tag of document.tags ?? []) {
      if (!tags.has(tag.name)) tags.set(tag.name, tag);
    }
  }

  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      ...(info.description === undefined ? {} : { description: info.description }),
    },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      ...components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    security: [{ bearer: [] }],
    ...(tags.size === 0 ? {} : { tags: [...tags.values()] }),
  };
}

function rewriteRefs(value: unknown, renames: ReadonlyMap<string, string>): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteRefs(item, renames));
  if (value === null || typeof value !== 'object') return value;
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    result[key] =
      key === '$ref' && typeof item === 'string'
        ? (renames.get(item) ?? item)
        : rewriteRefs(item, renames);
  }
  return result;
}
