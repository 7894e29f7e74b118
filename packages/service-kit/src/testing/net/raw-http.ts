import { connect } from 'node:net';

/** An answer read off the wire: status line, lower-cased header names, raw body text. */
export interface RawHttpAnswer {
  readonly statusLine: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/**
 * Writes `bytes` as they are to 127.0.0.1:`port` and reads everything until the server
 * closes the connection: for requests no HTTP client would send (oversized headers, a
 * malformed request line), which Node's parser refuses before any route runs.
 */
export function rawHttpRequest(port: number, bytes: string): Promise<RawHttpAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(parse(answer)));
    socket.write(bytes);
  });
}

function parse(answer: string): RawHttpAnswer {
  const split = answer.indexOf('\r\n\r\n');
  const [statusLine = '', ...lines] = (split < 0 ? answer : answer.slice(0, split)).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { statusLine, headers, body: split < 0 ? '' : answer.slice(split + 4) };
}
