/**
 * TypeBox schemas of schedules: one definition gives services request validation (the
 * input forms), response/OpenAPI shapes (the normalized form) and static types.
 * `additionalProperties: false` everywhere: schedules are validated strictly. The schemas
 * check shape only; {@link parseSchedule} adds what JSON Schema cannot say (a known time
 * zone, `start != end`, a date that exists) and normalizes.
 */
import Type, { type Static } from 'typebox';

/** `HH:MM`, 00:00–23:59 (a range's start). */
export const START_TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';
/** `HH:MM`, 00:00–23:59, or `24:00` (a range's end). */
export const END_TIME_PATTERN = '^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$';
/** `YYYY-MM-DD` (whether the date exists is checked by parseSchedule). */
export const LOCAL_DATE_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$';
/** An ISO 3166-1 alpha-2 country code (any case; parseSchedule asks date-holidays). */
export const HOLIDAY_COUNTRY_PATTERN = '^[A-Za-z]{2}$';
/** A subdivision code as date-holidays spells them (`MH`, `SCT`, `Rarotonga`). */
export const HOLIDAY_REGION_PATTERN = '^[A-Za-z0-9]{1,20}$';
/** The shape of IANA zone names (`Asia/Kolkata`, `UTC`, `Etc/GMT+5`); excludes raw offsets. */
export const TIME_ZONE_PATTERN = '^[A-Za-z][A-Za-z0-9_+\\-/]*$';

/** A weekday key: exactly `mon` … `sun`. */
export const WeekdaySchema = Type.Enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], {
  description: 'A weekday: mon, tue, wed, thu, fri, sat or sun.',
});

/** An IANA time zone name (the pattern only rules out offsets; parseSchedule asks Intl). */
export const TimeZoneSchema = Type.String({
  pattern: TIME_ZONE_PATTERN,
  description: "An IANA time zone, e.g. 'Asia/Kolkata', 'Europe/London', 'UTC'.",
  examples: ['Asia/Kolkata'],
});

/** A local calendar date `YYYY-MM-DD`. */
export const LocalDateSchema = Type.String({
  pattern: LOCAL_DATE_PATTERN,
  description: 'A local calendar date, YYYY-MM-DD.',
  examples: ['2026-12-25'],
});

/**
 * A wall-clock range `{start, end}` on one weekday: `[start, end)`; `end < start` runs
 * overnight into the next local date; `24:00` is midnight at the end of the day.
 */
export const TimeRangeSchema = Type.Object(
  {
    start: Type.String({
      pattern: START_TIME_PATTERN,
      description: 'A local time HH:MM, 00:00–23:59.',
      examples: ['09:00'],
    }),
    end: Type.String({
      pattern: END_TIME_PATTERN,
      description: 'A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.',
      examples: ['18:00'],
    }),
  },
  {
    additionalProperties: false,
    description: 'Local wall-clock range [start, end); end < start runs past midnight.',
  },
);

const rangeList = Type.Array(TimeRangeSchema);

const closureName = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '\\S',
  description: 'Shown wherever the closure explains a decision.',
  examples: ['Winter break'],
});

/** A closure as input: `{from, to?, name?}`, inclusive local dates (`to` defaults to `from`). */
export const ClosureRangeInputSchema = Type.Object(
  { from: LocalDateSchema, to: Type.Optional(LocalDateSchema), name: Type.Optional(closureName) },
  {
    additionalProperties: false,
    description: 'Local dates from–to inclusive (to defaults to from) on which no range starts.',
  },
);

/** A normalized closure range: `to` always present. */
export const ClosureRangeSchema = Type.Object(
  { from: LocalDateSchema, to: LocalDateSchema, name: Type.Optional(closureName) },
  { additionalProperties: false, description: 'Local dates from–to inclusive, optionally named.' },
);

const closureInputList = Type.Array(Type.Union([LocalDateSchema, ClosureRangeInputSchema]), {
  description:
    'Closures: local dates, or {from, to?, name?} ranges, on which no range starts (an ' +
    'overnight range begun the evening before still runs).',
});
const closureList = Type.Array(Type.Union([LocalDateSchema, ClosureRangeSchema]), {
  description: 'Closures: plain dates (one unnamed day) or {from, to, name?} ranges.',
});

/**
 * Date overrides (special hours): local date → the ranges that start on it instead of the
 * weekday's (`[]` closes the date). Keys are `YYYY-MM-DD`.
 */
export const OverridesSchema = Type.Record(LocalDateSchema, rangeList, {
  additionalProperties: false,
  description:
    'Special hours: on each local date (YYYY-MM-DD) these ranges replace the weekly ranges ' +
    'that start on it; [] closes the date.',
  examples: [{ '2026-12-24': [{ start: '09:00', end: '13:00' }], '2026-12-31': [] }],
});

/** Public holidays of a country (and subdivision), from the date-holidays data set. */
export const HolidaysSchema = Type.Object(
  {
    country: Type.String({
      pattern: HOLIDAY_COUNTRY_PATTERN,
      description: 'ISO 3166-1 alpha-2 country code.',
      examples: ['IN'],
    }),
    region: Type.Optional(
      Type.String({
        pattern: HOLIDAY_REGION_PATTERN,
        description: 'Subdivision code (ISO 3166-2 suffix), e.g. MH for Maharashtra.',
        examples: ['MH'],
      }),
    ),
  },
  {
    additionalProperties: false,
    description: 'Closes every public holiday of that country (and region).',
  },
);

const exceptionInputs = {
  closures: Type.Optional(closureInputList),
  overrides: Type.Optional(OverridesSchema),
  holidays: Type.Optional(HolidaysSchema),
};

/** The full input form: weekday keys may be missing (no hours that day). */
export const WeeklyScheduleInputSchema = Type.Object(
  {
    timeZone: Type.Optional(TimeZoneSchema),
    weekly: Type.Object(
      {
        mon: Type.Optional(rangeList),
        tue: Type.Optional(rangeList),
        wed: Type.Optional(rangeList),
        thu: Type.Optional(rangeList),
        fri: Type.Optional(rangeList),
        sat: Type.Optional(rangeList),
        sun: Type.Optional(rangeList),
      },
      { additionalProperties: false },
    ),
    ...exceptionInputs,
  },
  { additionalProperties: false },
);

/** The shorthand: one range on every day, or on the listed `days`. */
export const ShorthandScheduleInputSchema = Type.Object(
  {
    start: Type.String({
      pattern: START_TIME_PATTERN,
      description: 'A local time HH:MM, 00:00–23:59.',
      examples: ['10:00'],
    }),
    end: Type.String({
      pattern: END_TIME_PATTERN,
      description: 'A local time HH:MM, 00:00–23:59, or 24:00 for the end of the day.',
      examples: ['19:00'],
    }),
    days: Type.Optional(Type.Array(WeekdaySchema, { minItems: 1, uniqueItems: true })),
    timeZone: Type.Optional(TimeZoneSchema),
    ...exceptionInputs,
  },
  { additionalProperties: false },
);

/** What services accept wherever a schedule is: the full form or the shorthand. */
export const ScheduleInputSchema = Type.Union(
  [WeeklyScheduleInputSchema, ShorthandScheduleInputSchema],
  {
    description:
      'Working hours: {timeZone?, weekly: {mon: [{start, end}], …}, closures?, overrides?, ' +
      'holidays?} or the shorthand {start, end, days?, timeZone?, closures?, overrides?, ' +
      "holidays?}. A missing timeZone means the business's.",
  },
);

/** The normalized schedule (what parseSchedule returns; for responses and OpenAPI). */
export const ScheduleSchema = Type.Object(
  {
    timeZone: TimeZoneSchema,
    weekly: Type.Object(
      {
        mon: rangeList,
        tue: rangeList,
        wed: rangeList,
        thu: rangeList,
        fri: rangeList,
        sat: rangeList,
        sun: rangeList,
      },
      { additionalProperties: false },
    ),
    closures: closureList,
    overrides: OverridesSchema,
    holidays: Type.Optional(HolidaysSchema),
  },
  { additionalProperties: false },
);

/** Any accepted schedule input, as a static type. */
export type ScheduleInput = Static<typeof ScheduleInputSchema>;
