/**
 * Waits until `GET <url>` answers 2xx, polling every 100 ms: for benchmarks and scripts
 * that start a component and must not talk to it before it is ready. Throws after
 * `timeoutMs`, or at once when `exited()` says the process behind it is gone.
 */
export async function waitUntilReady(
  url: string,
  options: { readonly timeoutMs?: number; readonly exited?: () => boolean } = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (options.exited?.()) throw new Error(`the process behind ${url} exited before it was ready`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
