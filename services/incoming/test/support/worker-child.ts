/**
 * An incoming service in a process of its own, for the crash test: built from the
 * environment it is given, its worker running, its test clock frozen at `CHILD_NOW`.
 * The parent SIGKILLs it mid-batch.
 */
import { buildApp } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';

const app = await buildApp(readConfig(process.env), false, { workerId: 'child' });
const set = await app.inject({
  method: 'POST',
  url: '/internal/test/clock',
  payload: { now: process.env['CHILD_NOW'] },
});
if (set.statusCode !== 200) throw new Error(`could not set the clock: ${set.body}`);
process.stdout.write('ready\n');
