import { Validator } from '@seriousme/openapi-schema-validator';
import { convert } from 'openapi-to-postmanv2';

/** One request of the flow: an operation of the document, what to send, what it answers. */
export interface FlowStep {
  readonly name: string;
  readonly operationId: string;
  /** Path parameters by name; `{{variable}}`s are filled in by newman. */
  readonly path?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  /** `false`: no Authorization header. */
  readonly auth?: false;
  readonly status: number;
  /** Collection variables to set from the JSON body: variable → top-level member. */
  readonly save?: Readonly<Record<string, string>>;
}

type Json = Record<string, unknown>;
interface PostmanItem {
  name: string;
  request: {
    method: string;
    url: {
      path: string[];
      variable?: Array<{ key: string; value: string }>;
      query?: Array<{ key: string; value: string; disabled?: boolean }>;
    };
    body?: { mode: string; raw?: string; options?: unknown };
    auth?: unknown;
  };
  event?: unknown[];
  response?: unknown[];
  item?: PostmanItem[];
}
interface PostmanCollection {
  info: Json;
  item: PostmanItem[];
  variable?: Array<{ key: string; value: string }>;
  auth?: unknown;
}

/**
 * A Postman collection for `steps`, from the OpenAPI document: openapi-to-postmanv2
 * converts the document, each step takes the request it made for its operation, and gets
 * contract tests from the document (the status, the content type, the body against the
 * operation's documented response schema, every `$ref` resolved).
 */
export async function contractCollection(
  document: object,
  steps: readonly FlowStep[],
): Promise<PostmanCollection> {
  const generated = await toPostman(document);
  const requests = new Map<string, PostmanItem>();
  const visit = (items: PostmanItem[]): void => {
    for (const item of items) {
      if (item.item) visit(item.item);
      else requests.set(`${item.request.method} /${item.request.url.path.join('/')}`, item);
    }
  };
  visit(generated.item);

  const validator = new Validator();
  const result = await validator.validate(structuredClone(document) as never);
  if (!result.valid) throw new Error('the OpenAPI document is not valid');
  const resolved = validator.resolveRefs() as {
    paths: Record<string, Record<string, Json & { operationId?: string; responses: Json }>>;
  };
  const operations = new Map<string, { method: string; path: string; responses: Json }>();
  for (const [path, item] of Object.entries(resolved.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.operationId) {
        operations.set(operation.operationId, { method, path, responses: operation.responses });
      }
    }
  }

  const item = steps.map((step): PostmanItem => {
    const operation = operations.get(step.operationId);
    if (!operation) throw new Error(`no operation ${step.operationId} in the document`);
    const key = `${operation.method.toUpperCase()} ${operation.path.replace(/\{(\w+)\}/g, ':$1')}`;
    const request = requests.get(key);
    if (!request) throw new Error(`the converter made no request for ${key}`);
    const copy = structuredClone(request);
    copy.name = step.name;
    for (const variable of copy.request.url.variable ?? []) {
      variable.value = step.path?.[variable.key] ?? variable.value;
    }
    // The converter fills optional query parameters with made-up values: only the step's.
    copy.request.url.query = Object.entries(step.query ?? {}).map(([key, value]) => ({
      key,
      value,
    }));
    if (step.body !== undefined) {
      copy.request.body = {
        mode: 'raw',
        raw: JSON.stringify(step.body),
        options: { raw: { language: 'json' } },
      };
    }
    if (step.auth === false) copy.request.auth = { type: 'noauth' };
    const response = operation.responses[String(step.status)] as
      { content?: Record<string, { schema?: unknown }> } | undefined;
    const schema = response?.content?.['application/json']?.schema;
    if (schema === undefined) {
      throw new Error(`${step.operationId} documents no JSON answer for ${step.status}`);
    }
    copy.event = [
      { listen: 'test', script: { type: 'text/javascript', exec: testScript(step, schema) } },
    ];
    copy.response = [];
    return copy;
  });

  return {
    info: { ...generated.info, name: 'screenmagic contract' },
    item,
    auth: generated.auth,
    variable: [],
  };
}

function testScript(step: FlowStep, schema: unknown): string[] {
  const lines = [
    `pm.test('status is ${step.status}', () => pm.response.to.have.status(${step.status}));`,
    `pm.test('content type is JSON', () => pm.expect(pm.response.headers.get('Content-Type')).to.match(/^application\\/json/));`,
    `pm.test('body matches the documented schema', () => pm.response.to.have.jsonSchema(${JSON.stringify(schema)}));`,
  ];
  for (const [variable, member] of Object.entries(step.save ?? {})) {
    lines.push(
      `pm.collectionVariables.set(${JSON.stringify(variable)}, pm.response.json()[${JSON.stringify(member)}]);`,
    );
  }
  return lines;
}

function toPostman(document: object): Promise<PostmanCollection> {
  return new Promise((resolve, reject) => {
    convert(
      { type: 'json', data: structuredClone(document) },
      { folderStrategy: 'Tags', requestParametersResolution: 'Example' },
      (error, result) => {
        const data = result?.output?.[0]?.data;
        if (error || !result?.result || data === undefined) {
          reject(
            new Error(
              `openapi-to-postmanv2: ${error?.message ?? result?.reason ?? 'no collection'}`,
            ),
          );
          return;
        }
        resolve(data as PostmanCollection);
      },
    );
  });
}
