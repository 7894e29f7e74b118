/**
 * `pnpm openapi`: regenerates the contract artifacts from the code: `openapi.json` (the
 * public document the gateway serves) and `packages/client/src/schema.ts` (the typed
 * client's types). `pnpm openapi --check` (CI) writes nothing and fails when either file
 * differs from what the code produces. Both modes validate the document as OpenAPI 3.1.
 * No database and no running service are needed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { publicDocument } from '../gateway/src/domain/public-document.ts';
import { clientTypes } from './openapi/client-types.ts';
import { serviceDocuments } from './openapi/service-documents.ts';
import { assertValidOpenApi } from './openapi/validate-document.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const document = publicDocument(await serviceDocuments());
await assertValidOpenApi(document);

const outputs: Array<[path: string, text: string]> = [
  ['openapi.json', JSON.stringify(document)],
  ['packages/client/src/schema.ts', await clientTypes(document)],
];

const stale: string[] = [];
for (const [path, text] of outputs) {
  const file = join(root, path);
  // Formatted as `prettier --check .` (part of `pnpm lint`) expects.
  const options = await prettier.resolveConfig(file);
  const formatted = await prettier.format(text, { ...options, filepath: file });
  if (!check) {
    writeFileSync(file, formatted);
    console.log(`wrote ${path}`);
  } else if (readOrEmpty(file) !== formatted) {
    stale.push(path);
  }
}
if (stale.length > 0) {
  console.error(
    `${stale.join(' and ')} ${stale.length === 1 ? 'differs' : 'differ'} from what the code produces: run \`pnpm openapi\` and commit the result.`,
  );
  process.exit(1);
}
if (check) console.log('openapi.json and the client types are up to date (valid OpenAPI 3.1)');

function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
