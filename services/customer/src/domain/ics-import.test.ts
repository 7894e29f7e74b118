import { readFileSync } from 'node:fs';
import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { IcsFormatError, planIcsImport } from './ics-import.ts';

const calendar = parseSchedule({
  timeZone: 'Europe/London',
  start: '09:00',
  end: '18:00',
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  closures: ['2027-06-14'],
  overrides: { '2027-04-05': [{ start: '10:00', end: '12:00' }] },
});

const officeFile = readFileSync(
  new URL('../../../../e2e/fixtures/office-closures.ics', import.meta.url),
  'utf8',
);

function ics(...events: string[][]): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    ...events.flatMap((lines) => [
      'BEGIN:VEVENT',
      'UID:x',
      'DTSTAMP:20261201T000000Z',
      ...lines,
      'END:VEVENT',
    ]),
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('planIcsImport', () => {
  it('turns a multi-day all-day event into one named range, DTEND exclusive', () => {
    const plan = planIcsImport(
      ics(['DTSTART;VALUE=DATE:20270301', 'DTEND;VALUE=DATE:20270304', 'SUMMARY:Stocktake']),
      calendar,
    );
    expect(plan.closures).toEqual([{ from: '2027-03-01', to: '2027-03-03', name: 'Stocktake' }]);
    expect(plan.added).toEqual([{ summary: 'Stocktake', from: '2027-03-01', to: '2027-03-03' }]);
    expect(plan.ignored).toEqual([]);
  });

  it('reads an all-day event without DTEND as one day', () => {
    const plan = planIcsImport(ics(['DTSTART;VALUE=DATE:20270302', 'SUMMARY:Day off']), calendar);
    expect(plan.closures).toEqual([{ from: '2027-03-02', to: '2027-03-02', name: 'Day off' }]);
  });

  it('imports the hand-written office file: ranges and finite recurrences in, timed and endless out', () => {
    const plan = planIcsImport(officeFile, calendar);
    expect(plan.added).toEqual([
      { summary: 'Annual stocktake', from: '2027-03-01', to: '2027-03-03' },
      { summary: 'Training day', from: '2027-06-05', to: '2027-06-05' },
    ]);
    expect(plan.ignored.map((i) => i.summary)).toEqual([
      'All-hands meeting',
      'Remote Friday',
      'Training day',
      "Founders' Day",
    ]);
    const [timed, endless, overridden, already] = plan.ignored;
    expect(timed?.reason).toMatch(/timed event/);
    expect(endless?.reason).toMatch(/without COUNT or UNTIL/);
    expect(overridden?.reason).toMatch(/2027-04-05.*special hours/);
    expect(already?.reason).toMatch(/already a closure/);
  });

  it('leaves out cancelled events and single-occurrence changes, saying why', () => {
    const plan = planIcsImport(
      ics(
        ['DTSTART;VALUE=DATE:20270301', 'STATUS:CANCELLED', 'SUMMARY:Off'],
        ['DTSTART;VALUE=DATE:20270302', 'RECURRENCE-ID;VALUE=DATE:20270301', 'SUMMARY:Moved'],
      ),
      calendar,
    );
    expect(plan.closures).toEqual([]);
    expect(plan.ignored).toEqual([
      { summary: 'Off', reason: 'cancelled (STATUS:CANCELLED)' },
      { summary: 'Moved', reason: expect.stringMatching(/RECURRENCE-ID/) },
    ]);
  });

  it('names an event without SUMMARY and adds it unnamed', () => {
    const plan = planIcsImport(ics(['DTSTART;VALUE=DATE:20270303']), calendar);
    expect(plan.closures).toEqual([{ from: '2027-03-03', to: '2027-03-03' }]);
    expect(plan.added[0]?.summary).toBe('(no SUMMARY)');
  });

  it('refuses text that is not iCalendar', () => {
    expect(() => planIcsImport('hello', calendar)).toThrow(IcsFormatError);
    expect(() => planIcsImport('BEGIN:VCARD\r\nVERSION:4.0\r\nEND:VCARD\r\n', calendar)).toThrow(
      IcsFormatError,
    );
  });
});
