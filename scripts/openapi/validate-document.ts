import { Validator } from '@seriousme/openapi-schema-validator';

/**
 * Throws unless `document` is a valid OpenAPI 3.1 document: it matches the OpenAPI
 * Initiative's published schema for 3.1 (bundled with the validator, so this works
 * offline), and every `$ref` in it resolves.
 */
export async function assertValidOpenApi(document: object): Promise<void> {
  const validator = new Validator();
  // The validator keeps the object it is given: a copy keeps `document` untouched.
  const result = await validator.validate(
    structuredClone(document) as Parameters<Validator['validate']>[0],
  );
  if (!result.valid) {
    throw new Error(
      `openapi.json is not valid OpenAPI ${validator.version ?? ''}:\n${JSON.stringify(result.errors, null, 2)}`,
    );
  }
  if (validator.version !== '3.1') {
    throw new Error(`openapi.json must be OpenAPI 3.1, not ${validator.version}`);
  }
  // Throws naming the first `$ref` that points nowhere.
  validator.resolveRefs();
}
