/**
 * `@screenmagic/service-kit/core`: the HTTP half of the kit — app, errors, environment
 * helpers, service URLs, ServiceClient, runService, shared schemas — without the
 * database (kysely, mysql2, the work queue) or the business calendar (hours-window). For
 * components that have neither, such as the gateway: loading only this costs about a
 * third of the memory the full kit does. Everything here is also exported by the main
 * entry.
 */
export { type Clock, clockFor, SettableClock, systemClock } from './clock.ts';
export {
  AppError,
  type AppErrorOptions,
  conflict,
  contractBroken,
  DependencyUnavailableError,
  type ErrorDetail,
  notFound,
  toError,
  unavailable,
  unprocessable,
  validationFailed,
} from './errors.ts';
export { newId, newIds } from './ids.ts';
export { rememberingLast } from './remembering-last.ts';
export { withTimeout } from './with-timeout.ts';
export { bearerToken, rejectBearer } from './auth/bearer-token.ts';
export {
  internalAuthPlugin,
  type InternalAuthOptions,
  isInternalRoute,
} from './auth/internal-auth.ts';
export { createLogger, loggerOptions } from './logging.ts';

export { ConfigError } from './config/config-error.ts';
export {
  envBoolean,
  envCallTimeoutMs,
  envInteger,
  envLeaseMs,
  envOptionalPositiveNumber,
  envOptionalString,
  envOptionalUrl,
  envPollIntervalMs,
  envPort,
  envString,
  envUrl,
  envShutdownTimeoutMs,
  envTestClock,
  envTestClockStart,
  envWorkerMode,
  type Env,
  type WorkerMode,
} from './config/env.ts';
export { envInternalToken } from './config/internal-token.ts';
export { readServiceUrls } from './config/service-urls.ts';
export {
  DEFAULT_PORTS,
  GATEWAY,
  SERVICE_NAMES,
  SERVICES,
  type ServiceName,
} from './contracts/services.ts';
export {
  type RunDueAnswer,
  RunDueAnswerSchema,
  SetClockBodySchema,
  TEST_CLOCK_PATHS,
} from './contracts/test-clock-api.ts';

export { type App, BODY_LIMIT_BYTES, createApp, type CreateAppOptions } from './http/create-app.ts';
export { keysetPage, type ListCursor, listCursor } from './http/cursor.ts';
export {
  errorHandlerPlugin,
  sendError,
  toErrorResponse,
  type ErrorBody,
} from './http/error-handler.ts';
export { openApiDocumentOf } from './http/openapi-document.ts';
export {
  PROBLEM_JSON,
  problemMembers,
  type ProblemMembers,
  problemType,
  wantsProblemJson,
} from './http/problem.ts';
export { healthPlugin, type ReadinessCheck } from './http/readiness.ts';
export { REQUEST_ID_HEADER, requestIdFor } from './http/request-id.ts';
export { registerTestClockRoutes, type TestClockRoutesOptions } from './http/test-clock-routes.ts';
export { describeValidationErrors, pointerToPath, validatorCompiler } from './http/validation.ts';

export {
  isDependencyUnavailable,
  ServiceClient,
  type ServiceCallOptions,
  type ServiceResponse,
} from './clients/service-client.ts';
export { WebhookTarget } from './clients/webhook-target.ts';
export { runService, type RunServiceOptions } from './server/run-service.ts';
export { cachedReading } from './metrics/cached-reading.ts';
export { HTTP_DURATION_BUCKETS, UNMATCHED_ROUTE } from './metrics/http-metrics.ts';
export { type MetricsServer, startMetricsServer } from './metrics/metrics-endpoint.ts';
export {
  type HttpTracingOptions,
  requestTraceHeaders,
  requestTraceId,
} from './tracing/http-tracing.ts';
export {
  activeTraceId,
  currentTraceparent,
  hasActiveSpan,
  inChildTrace,
  inSpan,
  SpanKind,
} from './tracing/trace-context.ts';
export { traceIdOf } from './tracing/trace-id-of.ts';
export { readTracingSettings, type TracingSettings } from './config/tracing-settings.ts';
export { startTracing, type Tracing, tracingEnabled } from './tracing/tracing.ts';
export {
  ErrorDetailSchema,
  ErrorEnvelopeSchema,
  errorResponses,
  INSTANT_DESCRIPTION,
  InstantSchema,
  ListSchema,
  LocalInstantSchema,
  PageQuerySchema,
} from './schemas/common.ts';
export {
  EARLIEST_INSTANT,
  INSTANT_RANGE_TEXT,
  instantProblem,
  isAcceptedInstant,
  LATEST_INSTANT,
} from './schemas/instant.ts';
