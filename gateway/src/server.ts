import { runService } from '@screenmagic/service-kit/core';
import { buildApp } from './app.ts';
import { readGatewayConfig } from './config.ts';

await runService({ name: 'gateway', readConfig: readGatewayConfig, buildApp });
