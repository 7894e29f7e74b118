import { ScheduleSchema } from '@screenmagic/hours-window';
import { InstantSchema, LocalInstantSchema } from '@screenmagic/service-kit';
import Type, { type TSchema } from 'typebox';

const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** `GET /v1/business-calendar`: the normalized calendar and its state now. */
export const BusinessCalendarSchema = Type.Object(
  {
    timeZone: ScheduleSchema.properties.timeZone,
    weekly: ScheduleSchema.properties.weekly,
    closures: ScheduleSchema.properties.closures,
    overrides: ScheduleSchema.properties.overrides,
    holidays: ScheduleSchema.properties.holidays,
    now: InstantSchema,
    openNow: Type.Boolean(),
    closesAt: nullable({
      ...InstantSchema,
      description: 'When open now: the end of the current open period. Otherwise null.',
    }),
    closesAtLocal: nullable(LocalInstantSchema),
    nextOpening: nullable({
      ...InstantSchema,
      description:
        'The next time the business opens: the next opening when closed now, the one after the ' +
        'current period when open now. Null when none within a year.',
    }),
    nextOpeningLocal: nullable({
      ...LocalInstantSchema,
      description: "nextOpening in the business's zone.",
    }),
  },
  { $id: 'BusinessCalendar' },
);
