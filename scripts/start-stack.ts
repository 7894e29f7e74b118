/**
 * `pnpm start`: the whole stack on one machine — the three services and the gateway as
 * child processes, each from its own package as its `start` script runs it
 * (`node [flags] dist/server.js`: each is bundled first, from the current sources, by
 * infra/build/bundle.ts), with the environment this was given and
 * the default ports (a service listens on the port of its `*_SERVICE_URL`; the gateway on
 * GATEWAY_PORT, else PORT, else 8080). The services listen on loopback only (HOST=127.0.0.1;
 * the gateway on HOST, default every interface), and every component gets the same
 * INTERNAL_TOKEN (the given one, else a random one per run). Output is prefixed per process. Nothing starts when
 * one of those ports is already taken, and the stack is up only once each port answers as
 * the component this run started. Ctrl-C or SIGTERM stops every process and waits for
 * them, and so does the exit of the process that owns this one (`pnpm start` itself, so a
 * SIGTERM to it works; not the shell above it: `nohup pnpm start &` outlives that shell).
 * A component that dies while the stack starts stops the rest; one that dies later leaves
 * the rest running (the gateway answers 503 for it), as `docker compose up` does. See
 * scripts/stack-runner.ts and scripts/owner-watch.ts. Before any of that, the web console is
 * built into console/dist when that build is missing or stale.
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAll } from '../infra/build/bundle.ts';
import { withInternalToken } from './internal-token.ts';
import { watchOwner } from './owner-watch.ts';
import { defaultComponents, startStack } from './stack-runner.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The console (served by the gateway at /console) is built first when its build is missing or
// stale (console/build.ts compares a hash of its sources). A failed build does not stop the
// API: the gateway then answers /console with a page saying how to build it.
const consoleBuild = spawnSync(process.execPath, [join(root, 'console', 'build.ts')], {
  cwd: root,
  stdio: 'inherit',
});
if (consoleBuild.status !== 0) {
  console.error('[stack] the console could not be built: /console will answer 503 (see above)');
}

// What runs is what the sources say now: a stale bundle is never started.
for (const built of await bundleAll(root)) {
  process.stdout.write(`bundle: ${built.deployable}: ${built.files} files in ${built.ms} ms\n`);
}
const env = withInternalToken(process.env);
const stack = startStack({ components: defaultComponents(root, env), env });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => void stack.stop(signal));
}
// A SIGTERM to `pnpm start` ends pnpm but not its shell wrappers; pnpm's exit is our cue.
watchOwner(
  (owner) => void stack.stop(`the process that started the stack (pid ${owner.pid}) exited`),
);
process.exitCode = await stack.exited;
