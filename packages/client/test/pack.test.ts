import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'screenmagic-client-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('packs into a package that plain Node (no type stripping) imports and calls', async () => {
  await run('pnpm', ['pack', '--pack-destination', work], { cwd: packageDir });
  // Installed as npm would: the tarball's `package/` under node_modules, its one dependency
  // beside it (the workspace's copy, so no registry is needed).
  const installed = join(work, 'node_modules', '@screenmagic', 'client');
  mkdirSync(installed, { recursive: true });
  await run('tar', [
    'xzf',
    join(work, 'screenmagic-client-1.0.0.tgz'),
    '-C',
    installed,
    '--strip-components=1',
  ]);
  symlinkSync(
    realpathSync(join(packageDir, 'node_modules', 'openapi-fetch')),
    join(work, 'node_modules', 'openapi-fetch'),
  );
  writeFileSync(join(work, 'package.json'), '{ "type": "module" }');
  writeFileSync(
    join(work, 'use.js'),
    `import { createServer } from 'node:http';
import { createClient } from '@screenmagic/client';
const server = createServer((request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ url: request.url, authorization: request.headers.authorization }));
}).listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const api = createClient({ baseUrl: 'http://127.0.0.1:' + server.address().port, apiKey: 'k1' });
const { data } = await api.GET('/v1/customers/{id}', { params: { path: { id: 'cus_1' } } });
server.close();
console.log(JSON.stringify(data));
`,
  );
  const { stdout } = await run(process.execPath, ['--no-experimental-strip-types', 'use.js'], {
    cwd: work,
  });
  expect(JSON.parse(stdout)).toEqual({ url: '/v1/customers/cus_1', authorization: 'Bearer k1' });
}, 120_000);
