import { ScheduleInputSchema, ScheduleSchema } from '@screenmagic/hours-window';
import { InstantSchema, LocalInstantSchema } from '@screenmagic/service-kit';
import Type, { type TSchema } from 'typebox';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const UpcomingClosureSchema = Type.Object({
  from: Type.String({ description: 'First closed local date (YYYY-MM-DD).' }),
  to: Type.String({ description: 'Last closed local date, inclusive.' }),
  name: nullable(Type.String({ description: 'The closure or holiday name; null when unnamed.' })),
  kind: Type.Union([Type.Literal('closure'), Type.Literal('holiday'), Type.Literal('override')]),
});

const calendarStateProperties = {
  calendar: ScheduleSchema,
  version: Type.Integer({
    minimum: 1,
    description: 'Increases with every change; also the ETag (`"<version>"`).',
  }),
  updatedAt: InstantSchema,
  now: InstantSchema,
  openNow: Type.Boolean(),
  nextOpening: nullable({
    ...InstantSchema,
    description:
      'The next time the business opens after now: when open now, the opening after the current ' +
      'open period. Null when none within a year.',
  }),
  nextOpeningLocal: nullable({
    ...LocalInstantSchema,
    description: "nextOpening in the business's zone.",
  }),
  nextClosing: nullable({
    ...InstantSchema,
    description: 'When open now: the end of the current open period. Null when closed.',
  }),
  nextClosingLocal: nullable(LocalInstantSchema),
  upcomingClosures: Type.Array(UpcomingClosureSchema, {
    description:
      'Closures, public holidays and closed overrides of the next 90 local dates, in date order.',
  }),
};

/** `GET`/`PUT /v1/business-calendar`: the calendar in force, its version and its state now. */
export const BusinessCalendarSchema = Type.Object(calendarStateProperties, {
  $id: 'BusinessCalendar',
});

/** `PUT /v1/business-calendar`: the schedule itself, in any form of SPEC §2. */
export const BusinessCalendarInputSchema = { ...ScheduleInputSchema, $id: 'BusinessCalendarInput' };

export const IfMatchHeadersSchema = Type.Object({
  'if-match': Type.Optional(
    Type.String({
      description:
        'The ETag of the version this change is based on (`"3"`), or a list of them (RFC 9110): a ' +
        'newer version stored meanwhile is 412, and so is a weak tag (`W/"3"`); `*` matches any version.',
    }),
  ),
});

/** `POST /v1/business-calendar/import`: what an .ics file added and what it left out. */
export const CalendarImportSchema = Type.Object(
  {
    ...calendarStateProperties,
    added: Type.Array(
      Type.Object({ summary: Type.String(), from: Type.String(), to: Type.String() }),
      { description: 'One closure per all-day event (or occurrence), by SUMMARY.' },
    ),
    ignored: Type.Array(Type.Object({ summary: Type.String(), reason: Type.String() }), {
      description: 'Events left out, by SUMMARY, and why.',
    }),
  },
  { $id: 'BusinessCalendarImport' },
);
