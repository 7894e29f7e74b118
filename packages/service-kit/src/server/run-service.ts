import type { Logger } from 'pino';
import { ConfigError } from '../config/config-error.ts';
import type { App } from '../http/create-app.ts';
import { envInteger } from '../config/env.ts';
import { createLogger, DEFAULT_LOG_BUFFER_BYTES, logDestination } from '../logging.ts';
import { startTracing, type Tracing } from '../tracing/tracing.ts';

export interface RunServiceOptions<Config> {
  /** Component name for the logs (`customer`, `gateway`, …). */
  readonly name: string;
  /** Reads and validates the environment; throws ConfigError naming a bad variable. */
  readonly readConfig: (
    env: NodeJS.ProcessEnv,
  ) => Config & { port: number; host: string; logLevel?: string; shutdownTimeoutMs?: number };
  readonly buildApp: (config: Config, logger: Logger) => Promise<App>;
}

/**
 * The `server.ts` of every component: read config (a bad variable stops the start with a
 * one-line message naming it), build the app, listen, and shut down gracefully on
 * SIGTERM/SIGINT: stop accepting, finish requests and batches in flight, close pools,
 * and exit — forcibly after the shutdown timeout.
 */
export async function runService<Config>(options: RunServiceOptions<Config>): Promise<void> {
  let config: ReturnType<RunServiceOptions<Config>['readConfig']>;
  let tracing: Tracing;
  let logBufferBytes: number;
  try {
    config = options.readConfig(process.env);
    logBufferBytes = envInteger(process.env, 'LOG_BUFFER_BYTES', {
      fallback: DEFAULT_LOG_BUFFER_BYTES,
      min: 0,
      max: 8_192,
    });
    // Before the app is built: its hooks and clients trace only when tracing is started.
    tracing = await startTracing(options.name, process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${options.name}: invalid configuration: ${error.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(
    options.name,
    config.logLevel ?? 'info',
    logDestination(logBufferBytes),
  );
  const app = await options.buildApp(config, logger);
  // Every series names its component, whatever the scrape configuration's labels.
  app.metrics.setDefaultLabels({ service: options.name });

  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs ?? 25_000);
    force.unref();
    app.close().then(
      async () => {
        // Spans still buffered are exported before the process exits.
        await tracing.shutdown().catch(() => undefined);
        logger.info('stopped');
        process.exit(process.exitCode ?? 0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => {
    logger.fatal({ err: reason }, 'unhandled rejection');
    shutdown('unhandledRejection');
  });

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    process.exit(1);
  }
}
