import { describe, expect, it } from 'vitest';
import { boundErrorText, ECHO_LIMIT, quoteInput, truncateInput } from './echo.ts';

describe('truncateInput and quoteInput', () => {
  it('keep short input whole', () => {
    expect(truncateInput('+4420')).toBe('+4420');
    expect(quoteInput('x'.repeat(ECHO_LIMIT))).toBe(`"${'x'.repeat(ECHO_LIMIT)}"`);
  });

  it('cut long input to the limit with an ellipsis', () => {
    expect(truncateInput('x'.repeat(1_000_000))).toBe(`${'x'.repeat(ECHO_LIMIT)}…`);
    expect(quoteInput('y'.repeat(ECHO_LIMIT + 1))).toBe(`"${'y'.repeat(ECHO_LIMIT)}…"`);
  });

  it('never split a surrogate pair', () => {
    const text = `${'x'.repeat(ECHO_LIMIT - 1)}😀😀`;
    expect(truncateInput(text)).toBe(`${'x'.repeat(ECHO_LIMIT - 1)}…`);
  });
});

describe('boundErrorText', () => {
  it('keeps the start and the reason at the end of a message that quoted a huge value', () => {
    const message = `timeZone '${'z'.repeat(1_000_000)}' is not a known IANA time zone`;
    const bounded = boundErrorText(message);
    expect(bounded.length).toBeLessThanOrEqual(401);
    expect(bounded.startsWith("timeZone 'zzz")).toBe(true);
    expect(bounded).toContain('…');
    expect(bounded.endsWith("zzz' is not a known IANA time zone")).toBe(true);
  });

  it('leaves ordinary messages alone', () => {
    expect(boundErrorText('Invalid request body: name is required')).toBe(
      'Invalid request body: name is required',
    );
  });
});
