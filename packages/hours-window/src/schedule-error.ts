/**
 * The error of an invalid schedule: where (`path`, a JSON pointer from the schedule's
 * root) and why (`reason`). The message joins both in a readable form.
 */
export class ScheduleError extends Error {
  override readonly name = 'ScheduleError';
  /** JSON pointer relative to the schedule root: `/weekly/mon/0/end`, `/timeZone`, `''` for the root. */
  readonly path: string;
  /** What is wrong, without the location: `'25:00' is not a time (…)`. */
  readonly reason: string;

  /**
   * @example
   * new ScheduleError('/weekly/mon/0/end', "'25:00' is not a time").message
   * // => "weekly.mon[0].end: '25:00' is not a time"
   */
  constructor(path: string, reason: string) {
    super(`${readablePath(path)}: ${reason}`);
    this.path = path;
    this.reason = reason;
  }
}

/** `/weekly/mon/0/end` → `weekly.mon[0].end`; `''` → `schedule`. */
export function readablePath(pointer: string): string {
  if (pointer === '') return 'schedule';
  let out = '';
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    if (/^(0|[1-9][0-9]*)$/.test(key)) out += `[${key}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key)) out += out === '' ? key : `.${key}`;
    else out += `[${JSON.stringify(key)}]`;
  }
  return out;
}

/** A JSON pointer with one more segment (escaped per RFC 6901). */
export function childPath(pointer: string, key: string | number): string {
  return `${pointer}/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`;
}
