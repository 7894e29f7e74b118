export { dockerEngineAnswers, startTestMysqlServer, type TestMysqlServer } from './mysql-server.ts';
export { dropTestDatabases, testMysqlUrl, uniqueDatabasePrefix } from './test-databases.ts';
export { injectExpecting } from './inject-expecting.ts';
export { freePort, freePorts, SwitchableProxy } from './net/index.ts';
export {
  acceptedInstant,
  acceptedInstantMs,
  EARLIEST_MS,
  LATEST_MS,
  refusedInstant,
  rfc3339,
} from './instants.ts';
export { INTERNAL_AUTH_HEADERS, TEST_INTERNAL_TOKEN } from './internal-token.ts';
export { EventsReceiver, type ReceivedEvent } from './events-receiver.ts';
export { captureLogLines, type CapturedLogLines } from './log-lines.ts';
