/**
 * `@screenmagic/service-kit/contracts`: everything that crosses a service boundary, declared
 * once — the list of services and their ports, the schemas of every `/internal/*` route
 * (the serving side validates with them, the calling side is typed by them) and one client
 * per internal API. Adding an internal route: docs/architecture.md, "Internal contracts".
 */
export * from './services.ts';
export * from './customer-api.ts';
export { CustomerDirectory, type CustomerKey } from './customer-directory.ts';
export * from './customer-replica.ts';
export * from './outgoing-api.ts';
export {
  type ConfirmationMessage,
  type HandoverResult,
  OutgoingMessages,
} from './outgoing-messages.ts';
export * from './test-clock-api.ts';
