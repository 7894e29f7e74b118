import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'preact/hooks';
import { dayTick, time } from '../format.ts';
import { labelGroups } from './plot-a11y.ts';
import { useWidth } from './useWidth.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Sends per hour (the preview's `byHour`): UTC hours on the x axis, labelled in `timeZone`. */
export function HourHistogram({
  byHour,
  timeZone,
}: {
  byHour: Array<{ hour: string; count: number }>;
  timeZone: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const width = useWidth(holder);
  useEffect(() => {
    const element = holder.current;
    if (element === null || width === 0 || byHour.length === 0) return;
    const rows = byHour.map((b) => ({ hour: new Date(b.hour), count: b.count }));
    // At least a day wide, so one busy hour reads as an hour (instants only: zone-free).
    const first = Math.min(...rows.map((r) => r.hour.getTime()));
    const last = Math.max(...rows.map((r) => r.hour.getTime())) + HOUR_MS;
    const top = Math.max(...rows.map((r) => r.count));
    const plot = Plot.plot({
      width,
      height: 200,
      marginLeft: 44,
      marginBottom: 40,
      style: { fontSize: '11px' },
      x: {
        type: 'utc',
        domain: [new Date(first), new Date(Math.max(last, first + DAY_MS))],
        label: `Hour (${timeZone})`,
        tickFormat: (d: Date) => `${dayTick(d, timeZone)}\n${time(d, timeZone)}`,
        ticks: width < 560 ? 4 : 8,
      },
      y: { label: 'Sends', grid: true, tickFormat: 'd', ticks: Math.min(top, 5) },
      marks: [
        Plot.rectY(rows, {
          x: 'hour',
          y: 'count',
          interval: 'hour',
          fill: '#1f6f3f',
          inset: 0.5,
          className: 'sm-hour',
        }),
        Plot.ruleY([0]),
      ],
    });
    plot.querySelectorAll('g.sm-hour rect').forEach((node, i) => {
      const row = byHour[i];
      if (row === undefined) return;
      node.setAttribute('data-hour', row.hour);
      node.setAttribute('data-count', String(row.count));
    });
    labelGroups(plot);
    element.replaceChildren(plot);
    return () => plot.remove();
  }, [byHour, width, timeZone]);
  return (
    <figure class="histogram">
      <div ref={holder} class="plot" />
      <table class="sr-table">
        <caption>Sends per hour ({timeZone})</caption>
        <thead>
          <tr>
            <th scope="col">Hour</th>
            <th scope="col">Sends</th>
          </tr>
        </thead>
        <tbody>
          {byHour.map((b) => (
            <tr key={b.hour}>
              <td>
                {dayTick(b.hour, timeZone)} {time(b.hour, timeZone)}
              </td>
              <td>{b.count}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
