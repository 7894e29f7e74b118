import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * An id for this process's claims (`locked_by`): host, pid and a random suffix, so two
 * processes — or one restarted with the same pid in a container — never share one.
 * At most 60 characters (the lock columns are `varchar(64)` and up).
 */
export function newWorkerId(): string {
  return `${hostname().slice(0, 40)}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
