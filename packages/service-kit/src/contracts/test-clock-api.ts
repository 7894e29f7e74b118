import Type, { type Static } from 'typebox';
import { InstantSchema } from '../schemas/common.ts';

/** Every service's test-clock routes (only with TEST_CLOCK=1), called by the gateway. */
export const TEST_CLOCK_PATHS = Object.freeze({
  clock: '/internal/test/clock',
  runDue: '/internal/test/run-due',
});

/** `POST /internal/test/clock` (and the gateway's `POST /test/clock`): freeze at `now`. */
export const SetClockBodySchema = Type.Object(
  { now: InstantSchema },
  { additionalProperties: false },
);

/** `POST /internal/test/run-due`: the clock's instant and how much of each work ran. */
export const RunDueAnswerSchema = Type.Object({
  now: InstantSchema,
  ran: Type.Record(Type.String(), Type.Number()),
});
export type RunDueAnswer = Static<typeof RunDueAnswerSchema>;
