/**
 * A dispatcher in a process of its own, for the crash test: the outgoing service built
 * from the environment it is given, its test clock frozen at `CHILD_NOW`. The parent
 * SIGKILLs it mid-batch.
 */
import { SettableClock } from '@screenmagic/service-kit';
import { buildApp } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';

const clock = new SettableClock();
clock.set(new Date(process.env['CHILD_NOW'] ?? ''));
const app = await buildApp(readConfig(process.env), false, { clock, instanceId: 'child' });
await app.ready();
process.stdout.write('ready\n');
