/**
 * A component as `runService` starts it, for log-flush.test.ts: once listening it logs
 * LINES lines (fewer bytes than the log buffer holds), says `ready` on stderr, and then
 * waits for SIGTERM (`CHILD_MODE=sigterm`), throws an uncaught error (`CHILD_MODE=throw`), or
 * (`CHILD_MODE=idle`) logs LINES more 1.5 s later and then only waits, to be killed.
 */
import { createApp } from '../../src/http/create-app.ts';
import { runService } from '../../src/server/run-service.ts';

const LINES = 20;

await runService({
  name: 'log-flush-child',
  readConfig: () => ({ port: 0, host: '127.0.0.1' }),
  buildApp: async (_config, logger) => {
    const app = await createApp({ logger });
    app.addHook('onListen', (done) => {
      for (let i = 0; i < LINES; i++) logger.info({ line: i }, 'buffered line');
      process.stderr.write('ready\n');
      if (process.env['CHILD_MODE'] === 'idle') {
        setTimeout(() => {
          for (let i = 0; i < LINES; i++) logger.info({ line: i }, 'later line');
        }, 1_500);
      }
      if (process.env['CHILD_MODE'] === 'throw') {
        setTimeout(() => {
          throw new Error('uncaught on purpose');
        }, 50);
      }
      done();
    });
    return app;
  },
});
