/**
 * Reading `holidays: {country, region?}`: both codes must be known to date-holidays
 * (matched case-insensitively and normalized to the data set's spelling: upper case,
 * except a few such as the Cook Islands' `Rarotonga`), else a ScheduleError names the field.
 */
import { ScheduleError } from '../schedule-error.ts';
import type { HolidaySource } from '../types.ts';
import { knownCountry, regionsOf } from './holiday-calendar.ts';
import { checkKeys, isRecord, kindOf } from './input-checks.ts';

const HOLIDAY_KEYS = ['country', 'region'];

export function readHolidays(value: unknown): HolidaySource | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    throw new ScheduleError(
      '/holidays',
      `expected {country, region?} (e.g. {"country": "IN", "region": "MH"}), got ${kindOf(value)}`,
    );
  }
  checkKeys(value, '/holidays', HOLIDAY_KEYS);
  if (!Object.hasOwn(value, 'country'))
    throw new ScheduleError('/holidays/country', "missing: an ISO 3166 country code such as 'IN'");
  const raw = value.country;
  if (typeof raw !== 'string')
    throw new ScheduleError('/holidays/country', `expected a country code, got ${kindOf(raw)}`);
  const country = knownCountry(raw);
  if (country === null) {
    throw new ScheduleError(
      '/holidays/country',
      `'${raw}' is not a country with a public holiday calendar (ISO 3166 codes such as 'IN', 'GB')`,
    );
  }
  if (!Object.hasOwn(value, 'region')) return Object.freeze({ country });
  const rawRegion = value.region;
  if (typeof rawRegion !== 'string')
    throw new ScheduleError('/holidays/region', `expected a region code, got ${kindOf(rawRegion)}`);
  const regions = Object.keys(regionsOf(country));
  const region = regions.find((code) => code.toUpperCase() === rawRegion.toUpperCase());
  if (region === undefined) {
    const known = regions.length === 0 ? 'none' : regions.join(', ');
    throw new ScheduleError(
      '/holidays/region',
      `'${rawRegion}' is not a region of ${country} (known: ${known})`,
    );
  }
  return Object.freeze({ country, region });
}
