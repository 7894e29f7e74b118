import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeObject,
  REPO_ROOT,
  renderKustomization,
  schemaErrors,
} from '../validate/kubernetes.ts';
import { checkAlertRules, checkDashboard, checkPromql } from '../validate/monitoring.ts';

const MONITORING = join(REPO_ROOT, 'infra', 'monitoring');
const dashboard = () =>
  JSON.parse(readFileSync(join(MONITORING, 'grafana-dashboard.json'), 'utf8')) as Record<
    string,
    unknown
  >;
const rules = () => readFileSync(join(MONITORING, 'alert-rules.yaml'), 'utf8');

/** Every metric name the code registers (`name: '…'` in a prom-client constructor). */
function exportedMetrics(): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
        for (const match of readFileSync(path, 'utf8').matchAll(
          /name: '((?:http|screenmagic)_[a-z_]+)'/g,
        ))
          names.add(match[1]!);
      }
    }
  };
  for (const dir of ['packages/service-kit/src', 'services', 'gateway/src'])
    walk(join(REPO_ROOT, dir));
  return names;
}

/** `x_bucket` / `x_count` / `x_sum` read a histogram named x. */
function baseName(metric: string): string {
  return metric.replace(/_(bucket|count|sum)$/, '');
}

describe('the Grafana dashboard', () => {
  it("matches Grafana's dashboard schema and every query parses as PromQL", () => {
    expect(checkDashboard(dashboard()).errors).toEqual([]);
  });

  it('shows request rate, errors, latency, the queue by status, its lag, deliveries and pending orders', () => {
    const { metrics } = checkDashboard(dashboard());
    expect(metrics).toEqual(
      expect.arrayContaining([
        'http_requests_total',
        'http_request_duration_seconds_bucket',
        'screenmagic_messages',
        'screenmagic_queue_lag_seconds',
        'screenmagic_deliveries_total',
        'screenmagic_orders',
        'screenmagic_pending_overdue',
      ]),
    );
    const exprs = JSON.stringify(dashboard());
    expect(exprs).toContain('status=~\\"5..\\"');
    expect(exprs).toContain('histogram_quantile(0.99');
  });

  it('reads only metrics the code exports', () => {
    const exported = exportedMetrics();
    expect(exported.size).toBeGreaterThanOrEqual(9);
    for (const metric of checkDashboard(dashboard()).metrics)
      expect(exported, metric).toContain(baseName(metric));
  });

  it('rejects what Grafana would not load: unknown fields, wrong types, broken PromQL', () => {
    const broken = dashboard();
    const panels = broken['panels'] as Array<Record<string, unknown>>;
    panels[1]!['gridPoss'] = panels[1]!['gridPos'];
    broken['schemaVersion'] = 'latest';
    (panels[2]!['targets'] as Array<Record<string, unknown>>)[0]!['expr'] = 'sum(rate(x[5m])';
    const errors = checkDashboard(broken).errors.join('\n');
    expect(errors).toContain('\'"gridPoss"\' does not exist');
    expect(errors).toContain("Type 'string' is not assignable to type 'number'");
    expect(errors).toContain('syntax error');
  });
});

describe('the alert rules', () => {
  it('parse, and each has an expr that parses, a `for`, a severity and a summary', () => {
    expect(checkAlertRules(rules()).errors).toEqual([]);
  });

  it('alert on queue lag and on failing deliveries, on metrics the code exports', () => {
    const { alerts } = checkAlertRules(rules());
    const reading = (metric: string) => alerts.filter((alert) => alert.metrics.includes(metric));
    expect(reading('screenmagic_queue_lag_seconds').length).toBeGreaterThanOrEqual(1);
    expect(reading('screenmagic_deliveries_total').length).toBeGreaterThanOrEqual(1);
    const exported = exportedMetrics();
    for (const alert of alerts)
      for (const metric of alert.metrics) expect(exported, alert.name).toContain(baseName(metric));
  });

  it('rejects a rule without expr, with a bad duration, severity or PromQL', () => {
    const errors = checkAlertRules(
      [
        'groups:',
        '  - name: g',
        '    rules:',
        '      - alert: NoExpr',
        '        for: 5m',
        '        labels: { severity: warning }',
        '        annotations: { summary: s }',
        '      - alert: Bad',
        '        expr: max(x',
        '        for: five minutes',
        '        labels: { severity: loud }',
        '        annotations: { summary: "{{ $value" }',
      ].join('\n'),
    ).errors.join('\n');
    expect(errors).toContain('NoExpr: no `expr`');
    expect(errors).toContain('Bad: syntax error');
    expect(errors).toContain('Bad: `for` must be a duration');
    expect(errors).toContain('Bad: labels.severity');
    expect(errors).toContain('Bad: unbalanced {{ }}');
    expect(checkAlertRules('groups: [').errors[0]).toMatch(/^not YAML/);
  });
});

describe('PromQL checks', () => {
  it("accept Grafana's interval variables and name the metrics read", () => {
    expect(checkPromql('sum(rate(a_total[$__rate_interval])) / sum(b)')).toEqual({
      errors: [],
      metrics: ['a_total', 'b'],
    });
  });
});

describe('infra/monitoring as Kubernetes objects', () => {
  it('renders ConfigMaps for the rules and the labelled dashboard, valid against the schemas', async () => {
    const objects = await renderKustomization('infra/monitoring');
    expect(objects.map(describeObject).sort()).toEqual([
      'ConfigMap/screenmagic-alert-rules',
      'ConfigMap/screenmagic-grafana-dashboard',
    ]);
    expect(await schemaErrors(objects)).toEqual([]);
    const dashboardMap = objects.find((o) => o.metadata.name === 'screenmagic-grafana-dashboard');
    expect(dashboardMap?.metadata.labels?.['grafana_dashboard']).toBe('1');
  });
});

describe('the Deployments', () => {
  it('are scraped by Prometheus on the port that serves /metrics', async () => {
    const objects = await renderKustomization('infra/k8s');
    const workloads = objects.filter((o) => o.kind === 'Deployment') as Array<
      (typeof objects)[number] & {
        spec: {
          template: {
            metadata: { annotations?: Record<string, string> };
            spec: {
              containers: Array<{
                name: string;
                ports?: Array<{ containerPort: number }>;
                env?: Array<{ name: string; value?: string }>;
              }>;
            };
          };
        };
      }
    >;
    expect(workloads.length).toBeGreaterThanOrEqual(6);
    for (const workload of workloads) {
      const annotations = workload.spec.template.metadata.annotations ?? {};
      const where = describeObject(workload);
      expect(annotations['prometheus.io/scrape'], where).toBe('true');
      expect(annotations['prometheus.io/path'], where).toBe('/metrics');
      const container = workload.spec.template.spec.containers[0]!;
      const port = Number(annotations['prometheus.io/port']);
      expect(
        container.ports?.map((p) => p.containerPort),
        where,
      ).toContain(port);
      if (workload.metadata.name === 'gateway') {
        // Its own port, named by GATEWAY_METRICS_PORT, never the public one.
        expect(container.env?.find((e) => e.name === 'GATEWAY_METRICS_PORT')?.value).toBe(
          String(port),
        );
        expect(port).not.toBe(8080);
      }
    }
  });
});
