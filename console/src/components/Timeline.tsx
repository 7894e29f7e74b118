import * as Plot from '@observablehq/plot';
import type { CustomerWindows } from '@screenmagic/client';
import { useEffect, useRef, useState } from 'preact/hooks';
import { dateTime, day, dayTick, range, time, zoneName } from '../format.ts';
import { labelGroups } from './plot-a11y.ts';
import { useWidth } from './useWidth.ts';

type Side = CustomerWindows['business'];
type Bar = { start: string; end: string };

const ROWS = { business: 'Business', window: 'Window', customer: 'Customer' } as const;

interface Described {
  readonly kind: string;
  readonly label: string;
  readonly attrs: Record<string, string>;
}

/**
 * The window timeline: one week on a UTC axis, the business's local clock above and the
 * customer's below; each side's hours, their intersection (the delivery window), closures
 * and holidays with their names, and DST changes. Every bar and marker is focusable and
 * carries data attributes (`data-start`, `data-end`, `data-at`, UTC instants); hovering or
 * focusing one shows its exact local times on both sides.
 */
export function Timeline({
  data,
  customerName,
  now,
}: {
  data: CustomerWindows;
  customerName: string;
  now?: string;
}) {
  const holder = useRef<HTMLDivElement>(null);
  const width = useWidth(holder);
  const [readout, setReadout] = useState('Hover or focus a bar for its exact times on both sides.');
  const bz = data.business.timeZone;
  const cz = data.customer.timeZone;

  useEffect(() => {
    const element = holder.current;
    if (element === null || width === 0) return;
    const both = (bar: Bar) =>
      `${bz}: ${range(bar.start, bar.end, bz)}; ${cz}: ${range(bar.start, bar.end, cz)}; UTC ${time(bar.start, 'UTC')}–${time(bar.end, 'UTC')}`;
    const describeOpen =
      (who: string) =>
      (bar: Bar): Described => ({
        kind: who,
        label: `${who === 'window' ? 'Delivery window' : who === 'business' ? 'Business open' : `${customerName} open`} ${both(bar)}`,
        attrs: { start: bar.start, end: bar.end },
      });
    const closureLabel = (side: 'business' | 'customer') => (c: Side['closures'][number]) => ({
      kind: `${side}-closure`,
      label: `${side === 'business' ? 'Business' : customerName} closed ${c.from === c.to ? c.from : `${c.from} to ${c.to}`}: ${c.name ?? 'closed'} (${c.kind})`,
      attrs: { start: c.start, end: c.end, name: c.name ?? '', from: c.from, to: c.to },
    });
    const dstLabel = (side: 'business' | 'customer') => (c: Side['offsetChanges'][number]) => {
      const zone = side === 'business' ? bz : cz;
      return {
        kind: `${side}-dst`,
        label: `Clocks change in ${zone} at ${dateTime(c.at, 'UTC')}: UTC${c.offsetBefore} → UTC${c.offsetAfter} (now ${dateTime(c.at, zone)}); ${side === 'business' ? cz : bz} reads ${dateTime(c.at, side === 'business' ? cz : bz)}`,
        attrs: { at: c.at, side, offsetBefore: c.offsetBefore, offsetAfter: c.offsetAfter },
      };
    };

    const from = new Date(data.from);
    const to = new Date(data.to);
    const clipStart = (iso: string) => new Date(Math.max(new Date(iso).getTime(), from.getTime()));
    const closures = [
      ...data.business.closures.map((c) => ({
        ...c,
        row: ROWS.business,
        side: 'business' as const,
      })),
      ...data.customer.closures.map((c) => ({
        ...c,
        row: ROWS.customer,
        side: 'customer' as const,
      })),
    ];
    const changes = [
      ...data.business.offsetChanges.map((c) => ({ ...c, side: 'business' as const })),
      ...data.customer.offsetChanges.map((c) => ({ ...c, side: 'customer' as const })),
    ];
    const narrow = width < 560;
    const tick = (zone: string) => (d: Date) => `${dayTick(d, zone)}\n${time(d, zone)}`;
    const ticks = narrow ? '2 days' : 'day';
    const bar = (rows: Bar[], y: string, fill: string, className: string) =>
      Plot.barX(rows, {
        x1: (d: Bar) => new Date(d.start),
        x2: (d: Bar) => new Date(d.end),
        y: () => y,
        fill,
        inset: 2,
        className,
      });

    const plot = Plot.plot({
      width,
      height: 250,
      marginLeft: narrow ? 66 : 80,
      marginRight: 28,
      marginTop: 56,
      marginBottom: 100,
      style: { fontSize: '11px' },
      x: { type: 'utc', domain: [from, to] },
      y: { domain: [ROWS.business, ROWS.window, ROWS.customer], label: null, padding: 0.15 },
      marks: [
        Plot.axisX({
          anchor: 'top',
          ticks,
          tickFormat: tick(bz),
          label: `Business clock (${bz})`,
          labelAnchor: 'left',
          labelArrow: 'none',
          labelOffset: 46,
        }),
        Plot.axisX({
          anchor: 'bottom',
          ticks,
          tickFormat: tick(cz),
          label: `${customerName}'s clock (${cz})`,
          labelAnchor: 'left',
          labelArrow: 'none',
          labelOffset: 42,
        }),
        Plot.axisX({
          anchor: 'bottom',
          ticks,
          tickFormat: tick('UTC'),
          label: 'UTC',
          labelAnchor: 'left',
          labelArrow: 'none',
          dy: 48,
          labelOffset: 90,
          tickSize: 0,
        }),
        Plot.gridX({ ticks, stroke: '#666', strokeOpacity: 0.25 }),
        Plot.axisY({
          tickSize: 0,
          tickFormat: (row: string) => (row === ROWS.window ? 'Both open' : row),
        }),
        Plot.barX(closures, {
          x1: (c: (typeof closures)[number]) => clipStart(c.start),
          x2: (c: (typeof closures)[number]) =>
            new Date(Math.min(new Date(c.end).getTime(), to.getTime())),
          y: 'row',
          fill: '#fde3c8',
          stroke: '#9a4a00',
          strokeDasharray: '3,2',
          className: 'sm-closure',
        }),
        Plot.text(closures, {
          x: (c: (typeof closures)[number]) => clipStart(c.start),
          y: 'row',
          text: (c: (typeof closures)[number]) => c.name ?? 'Closed',
          textAnchor: 'start',
          dx: 4,
          fill: '#5c2c00',
          lineWidth: 8,
        }),
        bar(data.business.open, ROWS.business, '#7aa6d8', 'sm-business'),
        bar(data.customer.open, ROWS.customer, '#9fcf9a', 'sm-customer'),
        bar(data.windows, ROWS.window, '#1f6f3f', 'sm-window'),
        Plot.ruleX(changes, {
          x: (c: (typeof changes)[number]) => new Date(c.at),
          stroke: '#b00020',
          strokeWidth: 3,
          strokeDasharray: '6,3',
          className: 'sm-dst',
        }),
        Plot.text(changes, {
          x: (c: (typeof changes)[number]) => new Date(c.at),
          frameAnchor: 'top',
          dy: -4,
          text: () => 'DST',
          fill: '#b00020',
          fontWeight: 'bold',
          textAnchor: 'middle',
        }),
        ...(now === undefined
          ? []
          : [
              Plot.ruleX([new Date(now)], {
                stroke: '#333',
                strokeWidth: 1.5,
                className: 'sm-now',
                ariaHidden: 'true',
              }),
            ]),
      ],
    });

    const decorate = (selector: string, described: Described[]) => {
      plot.querySelectorAll(`${selector}`).forEach((node, i) => {
        const d = described[i];
        if (d === undefined) return;
        node.setAttribute('tabindex', '0');
        node.setAttribute('role', 'img');
        node.setAttribute('aria-label', d.label);
        node.setAttribute('data-kind', d.kind);
        for (const [name, value] of Object.entries(d.attrs)) {
          node.setAttribute(`data-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value);
        }
        const show = () => setReadout(d.label);
        node.addEventListener('focus', show);
        node.addEventListener('mouseenter', show);
      });
    };
    decorate('g.sm-business rect', data.business.open.map(describeOpen('business')));
    decorate('g.sm-customer rect', data.customer.open.map(describeOpen('customer')));
    decorate('g.sm-window rect', data.windows.map(describeOpen('window')));
    decorate(
      'g.sm-closure rect',
      closures.map((c) => closureLabel(c.side)(c)),
    );
    decorate(
      'g.sm-dst line',
      changes.map((c) => dstLabel(c.side)(c)),
    );
    labelGroups(plot);
    element.replaceChildren(plot);
    return () => plot.remove();
  }, [data, width, customerName, now]);

  return (
    <figure class="timeline" data-from={data.from} data-to={data.to}>
      <figcaption>
        Week of {day(data.from, 'UTC')} (UTC): business hours ({zoneName(data.from, bz)}),{' '}
        {customerName}'s hours ({zoneName(data.from, cz)}) and the delivery window where both are
        open.
      </figcaption>
      <div ref={holder} class="plot" />
      <p class="readout" aria-live="polite">
        {readout}
      </p>
    </figure>
  );
}
