import { describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { readTracingSettings } from './tracing-settings.ts';

describe('readTracingSettings', () => {
  it('traces without exporting by default', () => {
    expect(readTracingSettings({})).toEqual({ enabled: true, exportUrl: undefined });
  });

  it('exports to <OTEL_EXPORTER_OTLP_ENDPOINT>/v1/traces, as the OTLP specification says', () => {
    expect(
      readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).exportUrl?.href,
    ).toBe('http://collector:4318/v1/traces');
    expect(
      readTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: 'https://otel.example/base/' }).exportUrl
        ?.href,
    ).toBe('https://otel.example/base/v1/traces');
  });

  it('turns tracing off with OTEL_SDK_DISABLED=true', () => {
    expect(readTracingSettings({ OTEL_SDK_DISABLED: 'TRUE' }).enabled).toBe(false);
    expect(readTracingSettings({ OTEL_SDK_DISABLED: 'false' }).enabled).toBe(true);
  });

  it('names the variable when a value is bad', () => {
    for (const [name, value] of [
      ['OTEL_EXPORTER_OTLP_ENDPOINT', 'collector:4318'],
      ['OTEL_EXPORTER_OTLP_ENDPOINT', 'ftp://collector'],
      ['OTEL_SDK_DISABLED', 'maybe'],
    ] as const) {
      expect(() => readTracingSettings({ [name]: value })).toThrow(ConfigError);
      expect(() => readTracingSettings({ [name]: value })).toThrow(name);
    }
  });
});
