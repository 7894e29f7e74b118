import type { Schedule, ScheduleSchema } from '@screenmagic/hours-window';
import type { Static } from 'typebox';

/**
 * A schedule as response schemas type it. The same data: Schedule's arrays are readonly
 * (it is frozen), the schema's static type has mutable ones.
 */
export function scheduleView(schedule: Schedule): Static<typeof ScheduleSchema> {
  return schedule as Static<typeof ScheduleSchema>;
}
