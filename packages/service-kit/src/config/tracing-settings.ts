import { ConfigError } from './config-error.ts';
import type { Env } from './env.ts';

export interface TracingSettings {
  readonly enabled: boolean;
  readonly exportUrl: URL | undefined;
}

/**
 * Reads the standard OpenTelemetry variables: `OTEL_SDK_DISABLED=true` turns tracing off
 * (measuring its cost); `OTEL_EXPORTER_OTLP_ENDPOINT` is the collector's OTLP/HTTP base
 * URL (spans go to `<it>/v1/traces`, as the OTLP exporter specification says). Throws
 * ConfigError naming a bad variable.
 */
export function readTracingSettings(env: Env): TracingSettings {
  const disabled = (env['OTEL_SDK_DISABLED'] ?? '').trim().toLowerCase();
  if (disabled !== '' && disabled !== 'true' && disabled !== 'false') {
    throw new ConfigError('OTEL_SDK_DISABLED', 'must be true or false');
  }
  const raw = env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim() ?? '';
  let exportUrl: URL | undefined;
  if (raw !== '') {
    let base: URL;
    try {
      base = new URL(raw);
    } catch {
      throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', `must be an http(s) URL (got "${raw}")`);
    }
    if (base.protocol !== 'http:' && base.protocol !== 'https:') {
      throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', 'must be an http(s) URL');
    }
    exportUrl = new URL(`${base.pathname.replace(/\/+$/, '')}/v1/traces`, base);
  }
  return { enabled: disabled !== 'true', exportUrl };
}
