import { Writable } from 'node:stream';

/** A destination for a test's logger, and every JSON line written to it, parsed, in order. */
export interface CapturedLogLines {
  readonly lines: Array<Record<string, unknown>>;
  readonly sink: Writable;
}

/** Captures the lines a pino logger writes (`createLogger(name, level, sink)`). */
export function captureLogLines(): CapturedLogLines {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n'))
        if (line !== '') lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, sink };
}
