/**
 * How much of the client's input an error repeats. A body can be 1 MiB: a 1 MB `phone`
 * quoted in the message, the problem's `detail` and the details made a 3 MB answer. A
 * hundred characters say which value was meant.
 */
export const ECHO_LIMIT = 100;

/** Past this, any text of an error answer is elided in the middle (see boundErrorText). */
const ERROR_TEXT_LIMIT = 400;

function cut(text: string, end: number): string {
  // Never split a surrogate pair: half of one is not a character.
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/**
 * `value` as an error repeats it: the first ECHO_LIMIT characters, then `…` when cut.
 *
 * @example
 * truncateInput('x'.repeat(1_000_000)) // → 'xxx…x…' (100 x, then …)
 */
export function truncateInput(value: string): string {
  return value.length <= ECHO_LIMIT ? value : `${cut(value, ECHO_LIMIT)}…`;
}

/** `value` truncated (truncateInput) and quoted as JSON, for a message: `"+12…"`. */
export function quoteInput(value: string): string {
  return JSON.stringify(truncateInput(value));
}

/**
 * The last guard, for text that quoted input without truncateInput (a library's message):
 * longer than 400 characters, it keeps the start and the end (where a message says what
 * is wrong with the value it quoted) around a `…`.
 */
export function boundErrorText(text: string): string {
  if (text.length <= ERROR_TEXT_LIMIT) return text;
  const tail = text.slice(text.length - 150);
  const start = tail.charCodeAt(0) >= 0xdc00 && tail.charCodeAt(0) <= 0xdfff ? 1 : 0;
  return `${cut(text, ERROR_TEXT_LIMIT - 150)}…${tail.slice(start)}`;
}
