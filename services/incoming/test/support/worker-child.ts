/**
 * An incoming service in a process of its own, for the crash test: built from the
 * environment it is given, its worker running, its test clock frozen at `CHILD_NOW`.
 * The parent SIGKILLs it mid-batch.
 */
import { buildApp } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';

const app = await buildApp(
  readConfig({ ...process.env, TEST_CLOCK_START: process.env['CHILD_NOW'] }),
  false,
  { workerId: 'child' },
);
await app.ready();
process.stdout.write('ready\n');
