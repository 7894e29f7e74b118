import openapiTS, { astToString } from 'openapi-typescript';

const HEADER =
  '// Generated from openapi.json by `pnpm openapi` (openapi-typescript): do not edit.\n\n';

/** The TypeScript types of the document (`paths`, `components`, `operations`). */
export async function clientTypes(document: object): Promise<string> {
  const ast = await openapiTS(structuredClone(document) as Parameters<typeof openapiTS>[0], {
    // `200: components['schemas']['Customer']`, not a copy of the schema per operation.
    rootTypes: false,
    // Each enum's values as a typed array too (`messageStatusValues`): the console lists
    // statuses from the contract instead of a copy of it.
    enumValues: true,
  });
  return HEADER + astToString(ast);
}
