import { parseSchedule } from '@screenmagic/hours-window';
import { describe, expect, it } from 'vitest';
import { windowSide } from './window-sides.ts';

const at = (iso: string) => new Date(iso);

describe('windowSide', () => {
  const london = parseSchedule({
    timeZone: 'Europe/London',
    start: '09:00',
    end: '18:00',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    closures: [{ from: '2027-03-26', to: '2027-03-29', name: 'Easter' }],
  });

  it("gives the side's own hours, named closures with their instants, and the DST change", () => {
    const side = windowSide(london, at('2027-03-22T00:00:00Z'), at('2027-03-29T00:00:00Z'));
    expect(side.timeZone).toBe('Europe/London');
    // Mon–Thu open (Friday 26 is closed), 09:00–18:00 GMT.
    expect(side.open.map((i) => i.start.toISOString())).toEqual([
      '2027-03-22T09:00:00.000Z',
      '2027-03-23T09:00:00.000Z',
      '2027-03-24T09:00:00.000Z',
      '2027-03-25T09:00:00.000Z',
    ]);
    expect(side.closures).toEqual([
      {
        from: '2027-03-26',
        to: '2027-03-29',
        name: 'Easter',
        kind: 'closure',
        start: at('2027-03-26T00:00:00Z'),
        // Tuesday 30 March starts at 00:00 BST = 23:00 UTC the day before.
        end: at('2027-03-29T23:00:00Z'),
      },
    ]);
    expect(side.offsetChanges).toEqual([
      { at: at('2027-03-28T01:00:00Z'), offsetBefore: '+00:00', offsetAfter: '+01:00' },
    ]);
  });

  it('has no closures or changes where there are none', () => {
    const kolkata = parseSchedule({ timeZone: 'Asia/Kolkata', start: '10:00', end: '19:00' });
    const side = windowSide(kolkata, at('2027-03-22T00:00:00Z'), at('2027-03-29T00:00:00Z'));
    expect(side.closures).toEqual([]);
    expect(side.offsetChanges).toEqual([]);
    // 10:00–19:00 IST is 04:30–13:30 UTC: one interval on each of the seven UTC days.
    expect(side.open).toHaveLength(7);
    expect(side.open[0]?.start).toEqual(at('2027-03-22T04:30:00Z'));
  });
});
