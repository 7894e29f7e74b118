/** The INTERNAL_TOKEN test stacks run with, so their service-to-service calls carry it. */
export const TEST_INTERNAL_TOKEN = 'test-internal-token-0123456789abcdef';

/** Headers for a test's own request to an `/internal/*` route of a service run with {@link TEST_INTERNAL_TOKEN}. */
export const INTERNAL_AUTH_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  authorization: `Bearer ${TEST_INTERNAL_TOKEN}`,
});
