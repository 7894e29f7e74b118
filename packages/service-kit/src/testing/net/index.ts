/**
 * `@screenmagic/service-kit/testing/net`: network helpers for tests, benchmarks and
 * scripts. Unlike `…/testing`, it does not load vitest, so plain `node` scripts can use it.
 */
export { freePort, freePorts } from './free-port.ts';
export { rawHttpRequest, type RawHttpAnswer } from './raw-http.ts';
export { SwitchableProxy } from './switchable-proxy.ts';
export { waitUntilReady } from './wait-until-ready.ts';
