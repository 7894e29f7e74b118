/**
 * Offline validation of the Kubernetes manifests: render a kustomization with
 * `kubectl kustomize`, then check every object twice —
 * - against the Kubernetes OpenAPI schemas bundled in `kubernetes-models` (types, required
 *   fields, enums, formats);
 * - for unknown fields, which those schemas (like the API server's own, without
 *   `--validate=strict`) let through: each object is type-checked as an object literal of
 *   its kubernetes-models interface, so TypeScript's excess-property check names any
 *   misspelt field (`readinesProbe`) at any depth.
 */
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { typeCheckSource } from './type-check-source.ts';

const run = promisify(execFile);

export const INFRA_DIR = dirname(dirname(fileURLToPath(import.meta.url)));
export const REPO_ROOT = dirname(INFRA_DIR);

/** A rendered Kubernetes object (only the fields the checks read are typed). */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly labels?: Record<string, string>;
    readonly annotations?: Record<string, string>;
  };
  readonly [field: string]: unknown;
}

export function describeObject(object: KubeObject): string {
  return `${object.kind}/${object.metadata.name}`;
}

/** `kubectl kustomize <dir>` (dir relative to the repository root), parsed. */
export async function renderKustomization(dir: string): Promise<KubeObject[]> {
  const kubectl = process.env['KUBECTL'] ?? 'kubectl';
  const { stdout } = await run(kubectl, ['kustomize', join(REPO_ROOT, dir)], {
    maxBuffer: 32 * 1024 * 1024,
  });
  return parseAllDocuments(stdout).map((document, index) => {
    if (document.errors.length > 0)
      throw new Error(`document ${index}: ${document.errors[0]?.message}`);
    return document.toJS() as KubeObject;
  });
}

/** `apps/v1` + `Deployment` → `apps/v1/Deployment` (the kubernetes-models module path). */
function modelPath(object: KubeObject): string {
  return `${object.apiVersion}/${object.kind}`;
}

/** Validates each object against its Kubernetes JSON schema; returns one line per problem. */
export async function schemaErrors(objects: readonly KubeObject[]): Promise<string[]> {
  const errors: string[] = [];
  for (const object of objects) {
    let model: { new (data: unknown): { validate(): void } };
    try {
      const module = (await import(
        /* @vite-ignore */ `kubernetes-models/${modelPath(object)}`
      )) as Record<string, unknown>;
      model = module[object.kind] as typeof model;
      if (typeof model !== 'function') throw new Error('no model');
    } catch {
      errors.push(`${describeObject(object)}: no schema for ${object.apiVersion} ${object.kind}`);
      continue;
    }
    try {
      new model(object).validate();
    } catch (error) {
      const details = (error as { errors?: Array<{ instancePath: string; message?: string }> })
        .errors;
      for (const detail of details ?? [{ instancePath: '', message: (error as Error).message }]) {
        errors.push(
          `${describeObject(object)}: ${detail.instancePath || '/'} ${detail.message ?? 'is invalid'}`,
        );
      }
    }
  }
  return errors;
}

/**
 * Type-checks every object as a literal of its kubernetes-models interface and returns
 * the compiler's complaints (unknown fields above all), each naming the object.
 */
export function unknownFieldErrors(objects: readonly KubeObject[]): string[] {
  const lines: string[] = [];
  const owners: Array<{ from: number; object: KubeObject }> = [];
  objects.forEach((object, index) => {
    owners.push({ from: lines.length, object });
    lines.push(
      `import type { I${object.kind} as T${index} } from 'kubernetes-models/${modelPath(object)}';`,
    );
    const literal = JSON.stringify(object, null, 2).split('\n');
    lines.push(`export const object${index}: T${index} = ${literal[0]}`, ...literal.slice(1));
    lines.push(';');
  });
  // Lives beside this file so that `kubernetes-models` resolves from infra/node_modules.
  const fileName = join(INFRA_DIR, 'validate', '__rendered-manifests__.ts');
  const source = lines.join('\n');
  return typeCheckSource(fileName, source).map((diagnostic) => {
    const line = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const owner = owners.findLast((candidate) => candidate.from <= line);
    const field = lines[line]?.trim() ?? '';
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0];
    return `${owner ? describeObject(owner.object) : '?'}: ${message} (at ${field})`;
  });
}
