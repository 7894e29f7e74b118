/**
 * How a process proves it is the one a supervisor started: `pnpm start` gives each
 * component a fresh random value in this variable, and the component answers it on
 * `GET /healthz` in this header, so the stack runner can tell its own components from
 * another program that happens to hold the same port. Not a secret: only an identity.
 */
export const INSTANCE_ID_ENV = 'STACK_INSTANCE_ID';
export const INSTANCE_ID_HEADER = 'x-stack-instance';
