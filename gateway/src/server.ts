import { runService } from '@screenmagic/service-kit/core';
import { buildApp } from './app.ts';
import { readGatewayConfig } from './config.ts';

// buildApp binds each request's trace id into its logger (the context is never entered).
await runService({
  name: 'gateway',
  readConfig: readGatewayConfig,
  buildApp,
  bindsTraceIds: true,
});
