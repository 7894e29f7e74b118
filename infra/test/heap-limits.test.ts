import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { startFlags } from '../docker/prune.ts';
import {
  describeObject,
  type KubeObject,
  REPO_ROOT,
  renderKustomization,
} from '../validate/kubernetes.ts';

const run = promisify(execFile);

/**
 * Room left in the container beside the V8 heap: code, thread stacks, and native memory
 * (socket and TLS buffers, mysql2 and undici buffers, zlib). A heap limit closer to the
 * container's limit lets the kernel OOM-kill the pod before V8 collects garbage.
 */
const NATIVE_HEADROOM_MIB = 128;

interface Container {
  name: string;
  image: string;
  env?: Array<{ name: string; value?: string }>;
  envFrom?: Array<{ configMapRef?: { name: string } }>;
  resources?: { limits?: { memory?: string } };
}
interface Workload extends KubeObject {
  spec: { template: { spec: { containers: Container[] } } };
}
interface ConfigMap extends KubeObject {
  data?: Record<string, string>;
}

function mebibytes(quantity: string): number {
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(quantity);
  if (!match) throw new Error(`unsupported memory quantity ${quantity}`);
  const factor: Record<string, number> = {
    Ki: 1 / 1024,
    Mi: 1,
    Gi: 1024,
    K: 1e3 / 2 ** 20,
    M: 1e6 / 2 ** 20,
    G: 1e9 / 2 ** 20,
  };
  return Number(match[1]) * (match[2] ? (factor[match[2]] ?? 1) : 1 / 2 ** 20);
}

/** The heap limit V8 really sets for NODE_OPTIONS plus the image's own start flags. */
async function heapLimitMiB(nodeOptions: string, flags: string): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    [
      ...flags.split(/\s+/).filter(Boolean),
      '-e',
      'process.stdout.write(String(require("node:v8").getHeapStatistics().heap_size_limit))',
    ],
    { env: { PATH: process.env['PATH'], NODE_OPTIONS: nodeOptions } },
  );
  return Number(stdout) / 2 ** 20;
}

const DEPLOYABLES = ['customer', 'outgoing', 'incoming', 'gateway'] as const;
type Deployable = (typeof DEPLOYABLES)[number];

function deployableOf(image: string): Deployable {
  const name = /^screenmagic\/([a-z]+)(?:[:@].*)?$/.exec(image)?.[1];
  const found = DEPLOYABLES.find((deployable) => deployable === name);
  if (!found) throw new Error(`unexpected image ${image}`);
  return found;
}

describe('the V8 heap limit of every container', () => {
  let objects: KubeObject[];
  beforeAll(async () => {
    objects = await renderKustomization('infra/k8s');
  });

  it('sits below its memory limit, with room for native memory (Node measured, not assumed)', async () => {
    const configMaps = new Map(
      objects
        .filter((object): object is ConfigMap => object.kind === 'ConfigMap')
        .map((map) => [map.metadata.name, map.data ?? {}]),
    );
    const workloads = objects.filter((object): object is Workload => object.kind === 'Deployment');
    expect(workloads.length).toBeGreaterThanOrEqual(6);
    const measured: string[] = [];
    for (const workload of workloads) {
      for (const container of workload.spec.template.spec.containers) {
        const where = `${describeObject(workload)} ${container.name}`;
        const limit = container.resources?.limits?.memory;
        expect(limit, `${where} has a memory limit`).toBeDefined();
        // As the container sees it: the ConfigMaps first, then its own env (which wins).
        let nodeOptions = '';
        for (const source of container.envFrom ?? []) {
          const data = source.configMapRef ? configMaps.get(source.configMapRef.name) : undefined;
          nodeOptions = data?.['NODE_OPTIONS'] ?? nodeOptions;
        }
        nodeOptions =
          container.env?.find((variable) => variable.name === 'NODE_OPTIONS')?.value ?? nodeOptions;
        const flags = startFlags(REPO_ROOT, deployableOf(container.image));
        const heap = await heapLimitMiB(nodeOptions, flags);
        const limitMiB = mebibytes(limit ?? '0');
        measured.push(`${where}: heap ${heap} MiB of ${limitMiB} MiB`);
        expect(
          heap + NATIVE_HEADROOM_MIB,
          `${where} (NODE_OPTIONS='${nodeOptions}', flags '${flags}')`,
        ).toBeLessThanOrEqual(limitMiB);
      }
    }
    expect(measured).toHaveLength(workloads.length);
  });

  it('is computed by Node itself: the old space alone is not the heap limit', async () => {
    // The reason for measuring: 384 MiB of old space gives a 576 MiB heap on Node 24.
    expect(await heapLimitMiB('--max-old-space-size=384', '')).toBeGreaterThan(384 + 64);
  });
});
