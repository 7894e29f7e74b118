import type { Migration } from 'kysely/migration';
import * as createOutgoing from './2026_11_27_0001_create_outgoing.ts';

/** Every migration by name, applied in name order. */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '2026_11_27_0001_create_outgoing': createOutgoing,
});
