import { loadBusinessCalendar } from '@screenmagic/service-kit';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeObject,
  type KubeObject,
  renderKustomization,
  schemaErrors,
  unknownFieldErrors,
} from '../validate/kubernetes.ts';

const KUSTOMIZATIONS = [
  'infra/k8s',
  'infra/k8s/overlays/production',
  'infra/k8s/overlays/with-mysql',
] as const;
type Kustomization = (typeof KUSTOMIZATIONS)[number];

const rendered = new Map<Kustomization, KubeObject[]>();

beforeAll(async () => {
  for (const dir of KUSTOMIZATIONS) rendered.set(dir, await renderKustomization(dir));
});

// Minimal shapes of what the checks read.
interface Probe {
  httpGet?: { path: string; port: string | number };
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface Container {
  name: string;
  image: string;
  ports?: Array<{ name?: string; containerPort: number }>;
  env?: EnvVar[];
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string } }>;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
}
interface PodSpec {
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean };
  volumes?: Array<{ name: string; configMap?: { name: string }; secret?: { secretName: string } }>;
}
interface Workload extends KubeObject {
  spec: {
    replicas?: number;
    selector: { matchLabels: Record<string, string> };
    template: { metadata: { labels: Record<string, string> }; spec: PodSpec };
  };
}

function objects(dir: Kustomization, kind?: string): KubeObject[] {
  const all = rendered.get(dir) ?? [];
  return kind === undefined ? all : all.filter((object) => object.kind === kind);
}

function deployments(dir: Kustomization = 'infra/k8s'): Workload[] {
  return objects(dir, 'Deployment') as Workload[];
}

function deployment(name: string, dir: Kustomization = 'infra/k8s'): Workload {
  const found = deployments(dir).find((object) => object.metadata.name === name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found;
}

function container(workload: Workload): Container {
  const [first] = workload.spec.template.spec.containers;
  if (!first) throw new Error(`${describeObject(workload)} has no container`);
  return first;
}

function envValue(workload: Workload, name: string): string | undefined {
  return container(workload).env?.find((variable) => variable.name === name)?.value;
}

function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

/** ConfigMaps and Secrets a pod template reads, as `ConfigMap/name` / `Secret/name`. */
function references(spec: PodSpec): string[] {
  const names: string[] = [];
  for (const item of spec.containers) {
    for (const source of item.envFrom ?? []) {
      if (source.configMapRef) names.push(`ConfigMap/${source.configMapRef.name}`);
      if (source.secretRef) names.push(`Secret/${source.secretRef.name}`);
    }
    for (const variable of item.env ?? []) {
      if (variable.valueFrom?.secretKeyRef)
        names.push(`Secret/${variable.valueFrom.secretKeyRef.name}`);
      if (variable.valueFrom?.configMapKeyRef)
        names.push(`ConfigMap/${variable.valueFrom.configMapKeyRef.name}`);
    }
  }
  for (const volume of spec.volumes ?? []) {
    if (volume.configMap) names.push(`ConfigMap/${volume.configMap.name}`);
    if (volume.secret) names.push(`Secret/${volume.secret.secretName}`);
  }
  return names;
}

const API_DEPLOYMENTS = ['customer', 'outgoing-api', 'incoming-api', 'gateway'];
const WORKER_DEPLOYMENTS = ['outgoing-dispatcher', 'incoming-worker'];
const PRODUCTION_SECRETS = [
  'customer-database',
  'outgoing-database',
  'incoming-database',
  'gateway-api-keys',
  'delivery-webhook',
  'internal-token',
];

describe('Kubernetes manifests', () => {
  it.each(KUSTOMIZATIONS)('%s matches the Kubernetes schemas', async (dir) => {
    expect(await schemaErrors(objects(dir))).toEqual([]);
  });

  it('use no field the Kubernetes API does not define', () => {
    expect(unknownFieldErrors(KUSTOMIZATIONS.flatMap((dir) => objects(dir)))).toEqual([]);
  });

  it('deploy the API of each component, the dispatcher and the order worker separately', () => {
    expect(
      deployments()
        .map((object) => object.metadata.name)
        .sort(),
    ).toEqual([...API_DEPLOYMENTS, ...WORKER_DEPLOYMENTS].sort());
    expect(envValue(deployment('outgoing-dispatcher'), 'DISPATCHER')).toBe('only');
    expect(envValue(deployment('outgoing-api'), 'DISPATCHER')).toBe('off');
  });

  it('probe liveness on /healthz, readiness on /readyz and give start-up its own probe', () => {
    for (const workload of deployments()) {
      const main = container(workload);
      expect(main.livenessProbe?.httpGet?.path, workload.metadata.name).toBe('/healthz');
      expect(main.startupProbe?.httpGet?.path, workload.metadata.name).toBe('/healthz');
      // The gateway's readiness would follow every service's (docs/decisions.md).
      const readiness = workload.metadata.name === 'gateway' ? '/healthz' : '/readyz';
      expect(main.readinessProbe?.httpGet?.path, workload.metadata.name).toBe(readiness);
      const portNames = (main.ports ?? []).map((port) => port.name);
      expect(portNames, workload.metadata.name).toContain(main.livenessProbe?.httpGet?.port);
    }
  });

  it('set resource requests and limits and run unprivileged', () => {
    for (const workload of deployments()) {
      const main = container(workload);
      for (const resource of ['cpu', 'memory']) {
        expect(main.resources?.requests?.[resource], workload.metadata.name).toBeDefined();
        expect(main.resources?.limits?.[resource], workload.metadata.name).toBeDefined();
      }
      expect(workload.spec.template.spec.securityContext?.runAsNonRoot).toBe(true);
      expect(main.securityContext).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
      });
    }
  });

  it('give shutdown longer than SHUTDOWN_TIMEOUT_MS before the kill', () => {
    const config = objects('infra/k8s', 'ConfigMap').find((object) =>
      object.metadata.name.startsWith('screenmagic-config'),
    ) as KubeObject & { data: Record<string, string> };
    const shutdownSeconds = Number(config.data['SHUTDOWN_TIMEOUT_MS']) / 1000;
    for (const workload of deployments()) {
      expect(workload.spec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(
        shutdownSeconds,
      );
    }
  });

  it('cover every Deployment with a PodDisruptionBudget', () => {
    const budgets = objects('infra/k8s', 'PodDisruptionBudget') as Array<
      KubeObject & { spec: { selector: { matchLabels: Record<string, string> } } }
    >;
    for (const workload of deployments()) {
      const labels = workload.spec.template.metadata.labels;
      const covering = budgets.filter((budget) =>
        matches(budget.spec.selector.matchLabels, labels),
      );
      expect(covering.map(describeObject), workload.metadata.name).toHaveLength(1);
    }
  });

  it('autoscale the stateless APIs and run the workers with fixed replicas above one', () => {
    const autoscalers = objects('infra/k8s', 'HorizontalPodAutoscaler') as Array<
      KubeObject & { spec: { scaleTargetRef: { kind: string; name: string }; minReplicas: number } }
    >;
    expect(autoscalers.map((hpa) => hpa.spec.scaleTargetRef.name).sort()).toEqual(
      [...API_DEPLOYMENTS].sort(),
    );
    for (const hpa of autoscalers) {
      expect(hpa.spec.scaleTargetRef.kind).toBe('Deployment');
      expect(hpa.spec.minReplicas).toBeGreaterThanOrEqual(2);
      // The autoscaler owns the count: a `replicas` in the manifest would fight it on apply.
      expect(deployment(hpa.spec.scaleTargetRef.name).spec.replicas).toBeUndefined();
    }
    for (const name of WORKER_DEPLOYMENTS) {
      expect(deployment(name).spec.replicas).toBeGreaterThanOrEqual(2);
      expect(
        deployment(name, 'infra/k8s/overlays/production').spec.replicas,
      ).toBeGreaterThanOrEqual(2);
    }
  });

  it('route each Service to exactly one Deployment, on a port its pods name', () => {
    const services = objects('infra/k8s', 'Service') as Array<
      KubeObject & {
        spec: {
          selector: Record<string, string>;
          ports: Array<{ port: number; targetPort: string }>;
        };
      }
    >;
    expect(services.map((service) => service.metadata.name).sort()).toEqual(
      ['customer', 'outgoing', 'incoming', 'gateway'].sort(),
    );
    for (const service of services) {
      const targets = deployments().filter((workload) =>
        matches(service.spec.selector, workload.spec.template.metadata.labels),
      );
      expect(
        targets.map((target) => target.metadata.name),
        service.metadata.name,
      ).toHaveLength(1);
      const portNames = (container(targets[0] as Workload).ports ?? []).map((port) => port.name);
      for (const port of service.spec.ports) expect(portNames).toContain(port.targetPort);
    }
  });

  it('match the service URLs every component is given to the Services', () => {
    const config = objects('infra/k8s', 'ConfigMap').find((object) =>
      object.metadata.name.startsWith('screenmagic-config'),
    ) as KubeObject & { data: Record<string, string> };
    for (const name of ['customer', 'outgoing', 'incoming']) {
      const url = new URL(config.data[`${name.toUpperCase()}_SERVICE_URL`] ?? '');
      const service = objects('infra/k8s', 'Service').find(
        (object) => object.metadata.name === url.hostname,
      ) as (KubeObject & { spec: { ports: Array<{ port: number }> } }) | undefined;
      expect(service?.spec.ports.map((port) => port.port)).toContain(Number(url.port));
    }
  });

  it('connect each service to MySQL as its own user, from its own Secret', () => {
    for (const [name, service] of [
      ['customer', 'customer'],
      ['outgoing-api', 'outgoing'],
      ['outgoing-dispatcher', 'outgoing'],
      ['incoming-api', 'incoming'],
      ['incoming-worker', 'incoming'],
    ] as const) {
      const workload = deployment(name);
      const env = container(workload).env ?? [];
      const secrets = env.map((variable) => variable.valueFrom?.secretKeyRef?.name).filter(Boolean);
      expect(secrets, name).toContain(`${service}-database`);
      expect(
        secrets.filter((secret) => secret?.endsWith('-database')),
        name,
      ).toEqual([`${service}-database`, `${service}-database`]);
      expect(envValue(workload, 'MYSQL_URL')).toBe(
        'mysql://$(DB_USER):$(DB_PASSWORD)@$(MYSQL_ADDRESS)',
      );
      // $(VAR) only expands variables defined before it.
      const order = env.map((variable) => variable.name);
      expect(order.indexOf('MYSQL_URL')).toBeGreaterThan(order.indexOf('DB_PASSWORD'));
    }
  });

  it('give every service workload INTERNAL_TOKEN from the internal-token Secret, and keep the NetworkPolicy', () => {
    for (const name of [
      'customer',
      'outgoing-api',
      'outgoing-dispatcher',
      'incoming-api',
      'incoming-worker',
    ]) {
      const variable = container(deployment(name)).env?.find((v) => v.name === 'INTERNAL_TOKEN');
      expect(variable?.valueFrom?.secretKeyRef, name).toEqual({
        name: 'internal-token',
        key: 'INTERNAL_TOKEN',
      });
      expect(deployment(name).spec.template.metadata.labels['screenmagic.io/tier'], name).toBe(
        'internal',
      );
    }
    const policies = objects('infra/k8s', 'NetworkPolicy') as Array<
      KubeObject & { spec: { podSelector: { matchLabels: Record<string, string> } } }
    >;
    expect(policies.map((policy) => policy.spec.podSelector.matchLabels)).toContainEqual({
      'screenmagic.io/tier': 'internal',
    });
  });

  it('reference only ConfigMaps and Secrets the kustomization defines (production: the documented Secrets)', () => {
    for (const dir of KUSTOMIZATIONS) {
      const defined = new Set(objects(dir).map(describeObject));
      const external =
        dir === 'infra/k8s/overlays/production' ? PRODUCTION_SECRETS.map((n) => `Secret/${n}`) : [];
      for (const workload of objects(dir).filter((o) =>
        ['Deployment', 'StatefulSet'].includes(o.kind),
      )) {
        for (const reference of references((workload as Workload).spec.template.spec)) {
          expect(
            defined.has(reference) || external.includes(reference),
            `${dir}: ${describeObject(workload)} → ${reference}`,
          ).toBe(true);
        }
      }
    }
  });

  it('mark every Secret they ship as example values, and ship none to production', () => {
    for (const dir of KUSTOMIZATIONS) {
      const secrets = objects(dir, 'Secret');
      for (const secret of secrets) {
        expect(
          secret.metadata.annotations?.['screenmagic.io/example-values'],
          describeObject(secret),
        ).toBe('true');
      }
      if (dir === 'infra/k8s/overlays/production') expect(secrets).toEqual([]);
    }
  });

  it('carry a business calendar every service accepts', () => {
    const calendar = objects('infra/k8s', 'ConfigMap').find((object) =>
      object.metadata.name.startsWith('business-calendar'),
    ) as KubeObject & { data: Record<string, string> };
    const json = calendar.data['business-calendar.json'] ?? '';
    expect(loadBusinessCalendar({ BUSINESS_CALENDAR: json }).timeZone).toBe('Asia/Kolkata');
  });

  it('pin image tags and put everything in a namespace in production', () => {
    const production = objects('infra/k8s/overlays/production');
    for (const workload of production.filter(
      (object) => object.kind === 'Deployment',
    ) as Workload[]) {
      expect(container(workload).image).toMatch(/:[0-9][\w.-]*$/);
    }
    for (const object of production.filter((o) => o.kind !== 'Namespace')) {
      expect((object.metadata as { namespace?: string }).namespace, describeObject(object)).toBe(
        'screenmagic',
      );
    }
  });

  it('give the bundled MySQL the init script and every service user', () => {
    const mysql = objects('infra/k8s/overlays/with-mysql', 'StatefulSet')[0] as
      Workload | undefined;
    expect(mysql).toBeDefined();
    const names = (container(mysql as Workload).env ?? []).map((variable) => variable.name);
    for (const service of ['CUSTOMER', 'OUTGOING', 'INCOMING']) {
      expect(names).toContain(`${service}_DB_USER`);
      expect(names).toContain(`${service}_DB_PASSWORD`);
    }
    expect(
      references((mysql as Workload).spec.template.spec).some((ref) =>
        ref.startsWith('ConfigMap/mysql-init'),
      ),
    ).toBe(true);
  });
});
