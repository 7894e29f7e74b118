/**
 * Offline checks of the monitoring files (infra/monitoring):
 * - PromQL: every expression parses with the Prometheus project's own grammar
 *   (@prometheus-io/lezer-promql, what Prometheus's UI uses); the metric names it reads
 *   are returned so tests can compare them with what the code exports;
 * - the Grafana dashboard: type-checked as a literal of Grafana's `Dashboard` schema type
 *   (@grafana/schema, generated from Grafana's CUE schema; unknown or mistyped fields are
 *   errors), then the structure the schema types leave optional (panels with a type, a
 *   grid position inside the 24 columns, a datasource and PromQL targets);
 * - the alert rules: parsed as YAML, then Prometheus's rule-file shape (`groups[].rules[]`
 *   with `alert`, a parsing `expr`, a `for` duration, `labels.severity` and an
 *   `annotations.summary`). No maintained validator of rule files is published on npm
 *   (`promtool check rules` is a Go binary), so the shape is checked here.
 */
import { join } from 'node:path';
import { parser } from '@prometheus-io/lezer-promql';
import ts from 'typescript';
import { parse as parseYaml } from 'yaml';
import { INFRA_DIR } from './kubernetes.ts';
import { typeCheckSource } from './type-check-source.ts';

/** Grafana's built-in interval variables, replaced by a duration before parsing. */
const GRAFANA_VARIABLES =
  /\$__(rate_interval|interval|range)\b|\$\{__(rate_interval|interval|range)\}/g;

export interface PromqlCheck {
  readonly errors: string[];
  /** Metric names the expression selects (`rate(x_total[5m])` → `x_total`). */
  readonly metrics: string[];
}

/** Parses a PromQL expression (Grafana's interval variables allowed). */
export function checkPromql(expression: string): PromqlCheck {
  const text = expression.replace(GRAFANA_VARIABLES, '5m');
  const errors: string[] = [];
  const metrics = new Set<string>();
  if (text.trim() === '') return { errors: ['empty expression'], metrics: [] };
  parser.parse(text).iterate({
    enter(node) {
      if (node.type.isError) {
        errors.push(
          `syntax error at ${node.from}: '${text.slice(Math.max(0, node.from - 10), node.to + 10)}'`,
        );
      }
      if (node.type.name === 'Identifier' && node.node.parent?.type.name === 'VectorSelector') {
        metrics.add(text.slice(node.from, node.to));
      }
    },
  });
  return { errors, metrics: [...metrics] };
}

interface Target {
  refId?: unknown;
  expr?: unknown;
}
interface PanelLike {
  id?: unknown;
  type?: unknown;
  title?: unknown;
  gridPos?: { h?: unknown; w?: unknown; x?: unknown; y?: unknown };
  datasource?: unknown;
  targets?: Target[];
}

export interface DashboardCheck {
  readonly errors: string[];
  readonly metrics: string[];
}

/** Checks a dashboard (the parsed JSON) against Grafana's schema and the rules above. */
export function checkDashboard(dashboard: Record<string, unknown>): DashboardCheck {
  const errors = dashboardTypeErrors(dashboard);
  const metrics = new Set<string>();
  for (const field of ['uid', 'title']) {
    if (typeof dashboard[field] !== 'string' || dashboard[field] === '')
      errors.push(`dashboard: ${field} must be a non-empty string`);
  }
  const panels = (dashboard['panels'] ?? []) as PanelLike[];
  if (!Array.isArray(panels) || panels.length === 0) errors.push('dashboard: no panels');
  const ids = new Set<unknown>();
  for (const panel of panels) {
    const name = `panel ${String(panel.id)} (${String(panel.title)})`;
    if (ids.has(panel.id)) errors.push(`${name}: duplicate id`);
    ids.add(panel.id);
    if (typeof panel.type !== 'string') errors.push(`${name}: no type`);
    const grid = panel.gridPos;
    if (!grid || [grid.h, grid.w, grid.x, grid.y].some((n) => typeof n !== 'number'))
      errors.push(`${name}: gridPos needs h, w, x and y`);
    else if ((grid.x as number) + (grid.w as number) > 24)
      errors.push(`${name}: wider than Grafana's 24 columns`);
    if (panel.type === 'row') continue;
    if (typeof panel.title !== 'string' || panel.title === '') errors.push(`${name}: no title`);
    if (panel.datasource === undefined) errors.push(`${name}: no datasource`);
    if (!Array.isArray(panel.targets) || panel.targets.length === 0) {
      errors.push(`${name}: no targets`);
      continue;
    }
    const refIds = new Set<unknown>();
    for (const target of panel.targets) {
      if (typeof target.refId !== 'string' || refIds.has(target.refId))
        errors.push(`${name}: each target needs its own refId`);
      refIds.add(target.refId);
      if (typeof target.expr !== 'string') {
        errors.push(`${name}: target ${String(target.refId)} has no expr`);
        continue;
      }
      const check = checkPromql(target.expr);
      errors.push(...check.errors.map((error) => `${name} ${String(target.refId)}: ${error}`));
      check.metrics.forEach((metric) => metrics.add(metric));
    }
  }
  return { errors, metrics: [...metrics].sort() };
}

export interface RulesCheck {
  readonly errors: string[];
  readonly alerts: Array<{ name: string; metrics: string[]; severity: unknown }>;
}

const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;
const SEVERITIES = new Set(['info', 'warning', 'critical']);

/** Checks a Prometheus rule file (YAML text). */
export function checkAlertRules(text: string): RulesCheck {
  const errors: string[] = [];
  const alerts: RulesCheck['alerts'] = [];
  let document: unknown;
  try {
    document = parseYaml(text, { strict: true, uniqueKeys: true });
  } catch (error) {
    return { errors: [`not YAML: ${(error as Error).message}`], alerts };
  }
  const groups = (document as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups) || groups.length === 0)
    return { errors: ['no `groups` list'], alerts };
  const groupNames = new Set<string>();
  for (const group of groups as Array<Record<string, unknown>>) {
    const groupName = typeof group['name'] === 'string' ? group['name'] : '';
    if (groupName === '' || groupNames.has(groupName))
      errors.push(`group ${groupName || '?'}: needs a unique name`);
    groupNames.add(groupName);
    const rules = group['rules'];
    if (!Array.isArray(rules) || rules.length === 0) {
      errors.push(`group ${groupName}: no rules`);
      continue;
    }
    for (const rule of rules as Array<Record<string, unknown>>) {
      const name = typeof rule['alert'] === 'string' ? rule['alert'] : undefined;
      const where = `group ${groupName}, rule ${name ?? '?'}`;
      if (name === undefined || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
        errors.push(`${where}: \`alert\` must be a metric-style name`);
      const known = new Set(['alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations']);
      for (const key of Object.keys(rule))
        if (!known.has(key)) errors.push(`${where}: unknown field \`${key}\``);
      let metrics: string[] = [];
      if (typeof rule['expr'] !== 'string') errors.push(`${where}: no \`expr\``);
      else {
        const check = checkPromql(rule['expr']);
        errors.push(...check.errors.map((error) => `${where}: ${error}`));
        metrics = check.metrics;
      }
      if (typeof rule['for'] !== 'string' || !DURATION.test(rule['for']))
        errors.push(`${where}: \`for\` must be a duration such as 10m`);
      const labels = rule['labels'] as Record<string, unknown> | undefined;
      if (!labels || !SEVERITIES.has(String(labels['severity'])))
        errors.push(`${where}: labels.severity must be info, warning or critical`);
      const annotations = rule['annotations'] as Record<string, unknown> | undefined;
      if (typeof annotations?.['summary'] !== 'string' || annotations['summary'] === '')
        errors.push(`${where}: annotations.summary is required`);
      for (const value of Object.values(annotations ?? {})) {
        const text = String(value);
        if ((text.match(/\{\{/g) ?? []).length !== (text.match(/\}\}/g) ?? []).length)
          errors.push(`${where}: unbalanced {{ }} in an annotation`);
      }
      if (name) alerts.push({ name, metrics, severity: labels?.['severity'] });
    }
  }
  return { errors, alerts };
}

/**
 * Type-checks the dashboard as a `Dashboard` of @grafana/schema with the TypeScript
 * compiler (as kubernetes.ts does for manifests): a misspelt or mistyped field is an error.
 */
function dashboardTypeErrors(dashboard: Record<string, unknown>): string[] {
  const literal = JSON.stringify(dashboard, null, 2);
  const source = `import type { Dashboard } from '@grafana/schema';\nexport const dashboard: Dashboard = ${literal};\n`;
  // Beside this file, so that @grafana/schema resolves from infra/node_modules.
  const fileName = join(INFRA_DIR, 'validate', '__dashboard__.ts');
  const lines = source.split('\n');
  return typeCheckSource(fileName, source).map((diagnostic) => {
    const line = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n')[0];
    return `dashboard: ${message} (at ${lines[line]?.trim() ?? '?'})`;
  });
}
