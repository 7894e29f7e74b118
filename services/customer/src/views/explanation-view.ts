import type { Explanation } from '@screenmagic/hours-window';
import type { WindowExplanation } from '../domain/explanation.ts';
import type { ExplanationView } from '../schemas/explain.ts';

function sideView(side: Explanation): ExplanationView['business'] {
  return {
    open: side.open,
    reason: side.reason,
    cause: side.cause,
    ...(side.closure === undefined ? {} : { closure: side.closure }),
    localTime: side.localTime,
    nextChange: side.nextChange?.toISOString() ?? null,
  };
}

const intervalView = (i: { start: Date; end: Date }) => ({
  start: i.start.toISOString(),
  end: i.end.toISOString(),
});

/** The explain answer (SPEC §5) for one customer. */
export function explanationView(
  customerId: string,
  timeZone: string,
  e: WindowExplanation,
): ExplanationView {
  return {
    customerId,
    timeZone,
    at: e.at.toISOString(),
    business: sideView(e.business),
    customer: sideView(e.customer),
    window: {
      open: e.window.open,
      ...(e.window.current ? { current: intervalView(e.window.current) } : {}),
      ...(e.window.next ? { next: intervalView(e.window.next) } : {}),
      nextOpening: e.window.nextOpening?.toISOString() ?? null,
    },
    text: e.text,
  };
}
