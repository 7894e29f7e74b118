import { readFileSync } from 'node:fs';
import { parseSchedule } from '@screenmagic/hours-window';
import { ManagedDatabase } from '@screenmagic/service-kit';
import { testMysqlUrl } from '@screenmagic/service-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessCalendarStore } from '../src/calendars/business-calendar-store.ts';
import type { Database } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';
import {
  createCustomer,
  errorOf,
  LONDON_CALENDAR,
  startCustomerService,
  type TestService,
} from './support.ts';

interface CalendarAnswer {
  calendar: { timeZone: string; closures: unknown[]; overrides: Record<string, unknown> };
  version: number;
  updatedAt: string;
  openNow: boolean;
  nextOpening: string | null;
  nextClosing: string | null;
  upcomingClosures: { from: string; to: string; name: string | null; kind: string }[];
}

const ics = readFileSync(
  new URL('../../../e2e/fixtures/office-closures.ics', import.meta.url),
  'utf8',
);

describe('the business calendar as data', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startCustomerService('caldata');
  });
  afterAll(() => service.close());

  const get = () => service.app.inject({ method: 'GET', url: '/v1/business-calendar' });
  const put = (payload: unknown, ifMatch?: string) =>
    service.app.inject({
      method: 'PUT',
      url: '/v1/business-calendar',
      payload: payload as object,
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
    });

  it('is seeded from BUSINESS_CALENDAR as version 1, with its ETag', async () => {
    const response = await get();
    expect(response.statusCode).toBe(200);
    expect(response.headers['etag']).toBe('"1"');
    const body = response.json<CalendarAnswer>();
    expect(body.version).toBe(1);
    expect(body.calendar).toEqual(JSON.parse(JSON.stringify(parseSchedule(LONDON_CALENDAR))));
    // Monday 30 November 2026 00:00 UTC: closed, opens at 09:00 London.
    expect(body).toMatchObject({ openNow: false, nextOpening: '2026-11-30T09:00:00.000Z' });
  });

  it('is replaced by PUT, and the change applies to customers at once', async () => {
    const customer = await createCustomer(service.app, {
      name: 'Calendar Reader',
      workingHours: { start: '00:00', end: '24:00', timeZone: 'Europe/London' },
    });
    const response = await put(
      {
        timeZone: 'Europe/London',
        start: '10:00',
        end: '16:00',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        closures: [{ from: '2026-12-24', to: '2026-12-31', name: 'Winter break' }],
        overrides: { '2026-12-23': [{ start: '09:00', end: '12:00' }] },
      },
      '"1"',
    );
    expect(response.statusCode).toBe(200);
    expect(response.headers['etag']).toBe('"2"');
    const body = response.json<CalendarAnswer>();
    expect(body.version).toBe(2);
    expect(body.upcomingClosures).toEqual([
      { from: '2026-12-24', to: '2026-12-31', name: 'Winter break', kind: 'closure' },
    ]);
    const windows = await service.app.inject({
      method: 'GET',
      url: `/v1/customers/${customer.id}/windows?from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z`,
    });
    expect(windows.json<{ windows: { start: string }[] }>().windows[0]?.start).toBe(
      '2026-11-30T10:00:00.000Z',
    );
    expect((await get()).headers['etag']).toBe('"2"');
  });

  it('answers 412 to a stale If-Match and changes nothing', async () => {
    const response = await put(LONDON_CALENDAR, '"1"');
    expect(response.statusCode).toBe(412);
    expect(errorOf(response).code).toBe('PRECONDITION_FAILED');
    expect((await get()).json<CalendarAnswer>().version).toBe(2);
  });

  it('answers 400 naming the field for a bad schedule, and changes nothing', async () => {
    const response = await put({ ...LONDON_CALENDAR, end: '25:00' });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response).details[0]?.field).toBe('end');
    const closedAndOverridden = await put({
      ...LONDON_CALENDAR,
      closures: ['2026-12-24'],
      overrides: { '2026-12-24': [{ start: '09:00', end: '13:00' }] },
    });
    expect(closedAndOverridden.statusCode).toBe(400);
    expect(errorOf(closedAndOverridden).details[0]?.field).toBe('overrides.2026-12-24');
    expect((await get()).json<CalendarAnswer>().version).toBe(2);
  });

  it('reads If-Match as RFC 9110 does: any strong member of a list matches, a weak one never', async () => {
    const version = (await get()).json<CalendarAnswer>().version;
    const listed = await put(LONDON_CALENDAR, `"1", "${version}"`);
    expect(listed.statusCode).toBe(200);
    expect(listed.headers['etag']).toBe(`"${version + 1}"`);

    const weak = await put(LONDON_CALENDAR, `W/"${version + 1}"`);
    expect(weak.statusCode).toBe(412);
    expect(errorOf(weak).code).toBe('PRECONDITION_FAILED');

    const unquoted = await put(LONDON_CALENDAR, String(version + 1));
    expect(unquoted.statusCode).toBe(400);
    expect(errorOf(unquoted).details[0]).toMatchObject({ field: 'if-match', in: 'headers' });

    expect((await put(LONDON_CALENDAR, '*')).statusCode).toBe(200);
    expect((await get()).json<CalendarAnswer>().version).toBe(version + 2);
  });

  it('lets exactly one of two concurrent PUTs with the same If-Match win', async () => {
    const version = (await get()).json<CalendarAnswer>().version;
    for (let round = 0; round < 5; round++) {
      const current = `"${version + round}"`;
      const answers = await Promise.all([
        put({ ...LONDON_CALENDAR, start: '08:00' }, current),
        put({ ...LONDON_CALENDAR, start: '07:00' }, current),
      ]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 412]);
    }
    expect((await get()).json<CalendarAnswer>().version).toBe(version + 5);
  });

  it('imports an .ics file: all-day events become named closures, the rest is listed with why', async () => {
    await put({
      ...LONDON_CALENDAR,
      overrides: { '2027-04-05': [{ start: '10:00', end: '12:00' }] },
    });
    const before = (await get()).json<CalendarAnswer>().version;
    const response = await service.app.inject({
      method: 'POST',
      url: '/v1/business-calendar/import',
      payload: ics,
      headers: { 'content-type': 'text/calendar; charset=utf-8' },
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<
      CalendarAnswer & {
        added: { summary: string; from: string; to: string }[];
        ignored: { summary: string; reason: string }[];
      }
    >();
    expect(body.version).toBe(before + 1);
    expect(body.added).toEqual([
      { summary: 'Annual stocktake', from: '2027-03-01', to: '2027-03-03' },
      { summary: 'Training day', from: '2027-06-05', to: '2027-06-05' },
      { summary: "Founders' Day", from: '2027-06-14', to: '2027-06-14' },
    ]);
    expect(body.ignored.map((i) => i.summary)).toEqual([
      'All-hands meeting',
      'Remote Friday',
      'Training day',
    ]);
    expect(body.calendar.closures).toEqual([
      { from: '2027-03-01', to: '2027-03-03', name: 'Annual stocktake' },
      { from: '2027-06-05', to: '2027-06-05', name: 'Training day' },
      { from: '2027-06-14', to: '2027-06-14', name: "Founders' Day" },
    ]);
  });

  it('refuses a body that is not iCalendar (400) and other content types (415)', async () => {
    const bad = await service.app.inject({
      method: 'POST',
      url: '/v1/business-calendar/import',
      payload: 'not a calendar',
      headers: { 'content-type': 'text/calendar' },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorOf(bad).details[0]?.field).toBe('body');
    const json = await service.app.inject({
      method: 'POST',
      url: '/v1/business-calendar/import',
      payload: { calendar: ics },
    });
    expect(json.statusCode).toBe(415);
    // The .ics text labelled as JSON: the type is refused before the JSON parser reads it.
    const labelledJson = await service.app.inject({
      method: 'POST',
      url: '/v1/business-calendar/import',
      payload: ics,
      headers: { 'content-type': 'application/json' },
    });
    expect(labelledJson.statusCode).toBe(415);
    expect(errorOf(labelledJson)).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Content-Type must be text/calendar (got application/json)',
    });
  });

  it('publishes the version and the customers whose time rules changed to the other services, reading past changes only replicas need', async () => {
    const internal = async () =>
      (await service.app.inject({ method: 'GET', url: '/internal/business-calendar' })).json<{
        version: number;
        customerChangeSeq: string;
      }>();
    const before = await internal();
    expect(before.version).toBe((await get()).json<CalendarAnswer>().version);
    const customer = await createCustomer(service.app, {
      name: 'Mover',
      workingHours: { start: '09:00', end: '17:00' },
    });
    const patch = (payload: object) =>
      service.app.inject({ method: 'PATCH', url: `/v1/customers/${customer.id}`, payload });
    // A creation and a rename are in the sequence for replicas, but nothing is re-planned
    // for them: the re-plan feed reads past them.
    expect((await patch({ name: 'Mover Renamed' })).statusCode).toBe(200);
    expect(BigInt((await internal()).customerChangeSeq)).toBe(
      BigInt(before.customerChangeSeq) + 2n,
    );
    expect((await patch({ timeZone: 'Asia/Kolkata' })).statusCode).toBe(200);
    const after = await internal();
    const changes = await service.app.inject({
      method: 'GET',
      url: `/internal/customer-changes?after=${before.customerChangeSeq}`,
    });
    expect(changes.json()).toEqual({
      items: [{ seq: after.customerChangeSeq, customerId: customer.id }],
      lastSeq: after.customerChangeSeq,
      more: false,
    });
    const paged = await service.app.inject({
      method: 'GET',
      url: `/internal/customer-changes?after=${before.customerChangeSeq}&limit=2`,
    });
    // Two changes read (the creation, the rename), none listed: ask again after them.
    expect(paged.json()).toEqual({
      items: [],
      lastSeq: String(BigInt(before.customerChangeSeq) + 2n),
      more: true,
    });
  });
});

describe('a start whose BUSINESS_CALENDAR differs from the stored calendar', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startCustomerService('calseed');
  });
  afterAll(() => service.close());

  it('keeps the stored calendar and warns naming both', async () => {
    await service.app.inject({
      method: 'PUT',
      url: '/v1/business-calendar',
      payload: { ...LONDON_CALENDAR, start: '08:00' },
    });
    const database = new ManagedDatabase<Database>({
      serverUrl: testMysqlUrl(),
      database: service.config.databaseName,
      poolSize: 1,
      migrations,
    });
    const warnings: string[] = [];
    const store = new BusinessCalendarStore({
      db: database.db,
      clock: service.clock,
      seed: { schedule: parseSchedule(LONDON_CALENDAR), variable: 'BUSINESS_CALENDAR' },
      logger: { info: () => undefined, warn: (_fields, message) => warnings.push(message) },
    });
    try {
      const current = await store.current();
      expect(current.version).toBe(2);
      expect(current.schedule.weekly.mon[0]?.start).toBe('08:00');
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(
        /BUSINESS_CALENDAR .*differs from the stored business calendar \(version 2/,
      );
    } finally {
      await database.close();
    }
  });
});
