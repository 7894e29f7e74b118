import { type App, errorResponses } from '@screenmagic/service-kit';
import type { FastifyReply } from 'fastify';
import Type from 'typebox';
import type { CurrentCalendar } from '../calendars/business-calendar-store.ts';
import {
  type CalendarDeps,
  importCalendar,
  readIfMatch,
  replaceCalendar,
} from '../calendars/change-calendar.ts';
import {
  BusinessCalendarInputSchema,
  BusinessCalendarSchema,
  CalendarImportSchema,
  IfMatchHeadersSchema,
} from '../schemas/business-calendar.ts';
import { calendarState } from '../views/calendar-view.ts';

const tags = ['business-calendar'];

/**
 * The business calendar as data: read it (`ETag: "<version>"`), replace it (`If-Match`
 * optional, 412 on a stale version), and add closures from an .ics file.
 */
export function registerBusinessCalendarRoutes(app: App, deps: CalendarDeps): void {
  const { clock, store } = deps;
  app.addContentTypeParser('text/calendar', { parseAs: 'string' }, (_request, body, next) => {
    next(null, body);
  });

  const answer = (reply: FastifyReply, current: CurrentCalendar) => {
    void reply.header('etag', `"${current.version}"`);
    return calendarState(current, clock.now());
  };

  app.get(
    '/v1/business-calendar',
    {
      schema: {
        tags,
        operationId: 'getBusinessCalendar',
        summary: 'The business calendar in force, its version, and whether it is open now',
        response: { 200: BusinessCalendarSchema, ...errorResponses(503) },
      },
    },
    async (_request, reply) => answer(reply, await store.current()),
  );

  app.put(
    '/v1/business-calendar',
    {
      schema: {
        tags,
        operationId: 'replaceBusinessCalendar',
        summary: 'Replace the business calendar',
        description:
          'The body is the schedule itself (full form or shorthand; without a zone, the current ' +
          'calendar\'s). With `If-Match: "<version>"` it is stored only if that is still the version ' +
          'in force (412 PRECONDITION_FAILED otherwise). Queued messages and pending orders are ' +
          're-planned within seconds.',
        headers: IfMatchHeadersSchema,
        body: BusinessCalendarInputSchema,
        response: { 200: BusinessCalendarSchema, ...errorResponses(400, 412, 413, 503) },
      },
    },
    async (request, reply) =>
      answer(
        reply,
        await replaceCalendar(deps, request.body, readIfMatch(request.headers['if-match'])),
      ),
  );

  app.post(
    '/v1/business-calendar/import',
    {
      schema: {
        tags,
        operationId: 'importBusinessCalendar',
        summary: 'Add closures from an iCalendar (.ics) file',
        description:
          'Content-Type text/calendar (RFC 5545). Every all-day event becomes a closure named by ' +
          'its SUMMARY (multi-day events a range; DTEND is exclusive); recurring all-day events ' +
          'with COUNT or UNTIL one closure per occurrence. Timed events, endless recurrences and ' +
          'events that conflict with special hours are listed in `ignored` with the reason. Adds ' +
          'to the existing closures; no If-Match needed.',
        body: Type.String({ description: 'The .ics file.' }),
        consumes: ['text/calendar'],
        response: { 200: CalendarImportSchema, ...errorResponses(400, 413, 415, 503) },
      },
    },
    async (request, reply) => {
      const { current, plan } = await importCalendar(deps, request.body);
      return { ...answer(reply, current), added: [...plan.added], ignored: [...plan.ignored] };
    },
  );
}
