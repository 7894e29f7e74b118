import { readFileSync } from 'node:fs';
import { parseSchedule, type Schedule } from '@screenmagic/hours-window';
import { ConfigError } from './config-error.ts';
import type { Env } from './env.ts';

/** Used when neither BUSINESS_CALENDAR nor BUSINESS_CALENDAR_FILE is set. */
export const DEFAULT_BUSINESS_CALENDAR = Object.freeze({
  timeZone: 'UTC',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
});

/**
 * The business calendar from `BUSINESS_CALENDAR` (JSON) or `BUSINESS_CALENDAR_FILE` (a
 * path to JSON), in the full or shorthand form; a shorthand without a zone is UTC. A bad
 * calendar stops the start with a message naming the variable and the problem.
 */
export function loadBusinessCalendar(env: Env, readFile = readUtf8): Schedule {
  const inline = env['BUSINESS_CALENDAR']?.trim();
  const file = env['BUSINESS_CALENDAR_FILE']?.trim();
  if (inline && file) {
    throw new ConfigError(
      'BUSINESS_CALENDAR',
      'set BUSINESS_CALENDAR or BUSINESS_CALENDAR_FILE, not both',
    );
  }
  const variable = file ? 'BUSINESS_CALENDAR_FILE' : 'BUSINESS_CALENDAR';
  let text: string | undefined = inline;
  if (file) {
    try {
      text = readFile(file);
    } catch (error) {
      throw new ConfigError(variable, `cannot read ${file}: ${(error as Error).message}`);
    }
  }
  let input: unknown = DEFAULT_BUSINESS_CALENDAR;
  if (text) {
    try {
      input = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(variable, `not valid JSON: ${(error as Error).message}`);
    }
  }
  try {
    return parseSchedule(input, { defaultTimeZone: 'UTC' });
  } catch (error) {
    throw new ConfigError(variable, `not a valid schedule: ${(error as Error).message}`);
  }
}

function readUtf8(path: string): string {
  return readFileSync(path, 'utf8');
}
