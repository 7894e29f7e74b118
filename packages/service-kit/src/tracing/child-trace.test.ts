import { beforeAll, describe, expect, it } from 'vitest';
import { hasActiveSpan, inChildTrace } from './trace-context.ts';
import { startTracing } from './tracing.ts';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN = '00f067aa0ba902b7';

/** What `inChildTrace` handed its work, and whether a span was active meanwhile. */
async function child(parent: string | null) {
  return inChildTrace('deliver message', { parent }, (traceparent) =>
    Promise.resolve({ traceparent, active: hasActiveSpan() }),
  );
}

describe('inChildTrace without an exporter (propagation only)', () => {
  beforeAll(async () => {
    await startTracing('test', {});
  });

  it("continues the stored trace with a new span id and the parent's sampled flag", async () => {
    const sampled = await child(`00-${TRACE_ID}-${PARENT_SPAN}-01`);
    expect(sampled.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
    expect(sampled.traceparent).not.toContain(PARENT_SPAN);
    const unsampled = await child(`00-${TRACE_ID}-${PARENT_SPAN}-00`);
    expect(unsampled.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-00$`));
  });

  it("follows each message's own parent when parents alternate (the last one parsed is remembered, not assumed)", async () => {
    const OTHER = 'a'.repeat(31) + 'b';
    const parents = [TRACE_ID, OTHER, OTHER, TRACE_ID, 'invalid', TRACE_ID];
    for (const trace of parents) {
      const parent = trace === 'invalid' ? 'not-a-traceparent' : `00-${trace}-${PARENT_SPAN}-01`;
      const { traceparent } = await child(parent);
      if (trace === 'invalid') expect(traceparent?.slice(3, 35)).not.toMatch(/^(4bf9|aaaa)/);
      else expect(traceparent?.slice(3, 35)).toBe(trace);
    }
  });

  it('makes only the ids: no span is active while the work runs', async () => {
    expect((await child(`00-${TRACE_ID}-${PARENT_SPAN}-01`)).active).toBe(false);
  });

  it('starts a new sampled trace without a parent, or when the stored one is invalid', async () => {
    for (const parent of [null, 'not-a-traceparent', `00-${'0'.repeat(32)}-${PARENT_SPAN}-01`]) {
      const { traceparent } = await child(parent);
      expect(traceparent).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(traceparent).not.toContain(TRACE_ID);
      expect(traceparent?.slice(3, 35)).not.toBe('0'.repeat(32));
    }
    const [a, b] = [await child(null), await child(null)];
    expect(a.traceparent?.slice(3, 35)).not.toBe(b.traceparent?.slice(3, 35));
  });
});
