import { runService } from '@screenmagic/service-kit';
import { buildApp } from './app.ts';
import { readConfig } from './config.ts';

await runService({ name: 'customer', readConfig, buildApp });
