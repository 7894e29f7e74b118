import Type, { type TSchema } from 'typebox';
import { INSTANT_RANGE_TEXT } from './instant.ts';

/** What an instant in a request must be, for schema descriptions that add to it. */
export const INSTANT_DESCRIPTION = `RFC 3339 instant ${INSTANT_RANGE_TEXT}, e.g. 2026-11-30T03:30:00.000Z`;

/**
 * An RFC 3339 instant with an offset; responses always give it in UTC with `Z`. In a
 * request, the kit's validator bounds it to {@link INSTANT_RANGE_TEXT} (a 400 naming the
 * field and the range otherwise), so every route that takes an instant uses this schema.
 */
export const InstantSchema = Type.String({
  format: 'date-time',
  description: INSTANT_DESCRIPTION,
});

/** A local time with its offset, in the zone that matters for it (`2026-11-30T09:00:00+05:30`). */
export const LocalInstantSchema = Type.String({
  description: 'Local wall time with its UTC offset, e.g. 2026-11-30T09:00:00+05:30',
});

/**
 * One problem with the input. Extra members (`value`, `in`) are kept: response schemas
 * are also serializers, and fast-json-stringify drops undeclared properties otherwise.
 */
export const ErrorDetailSchema = Type.Object(
  {
    field: Type.String(),
    message: Type.String(),
  },
  { additionalProperties: true },
);

/**
 * The error envelope every component answers with (the `Error` component of the OpenAPI
 * document): RFC 9457's `type`, `title`, `status`, `detail`, then `error` and `requestId`.
 * `error` keeps its extra members (`nextOpening`, `existingId`, …) when a route declares
 * this as a response schema.
 */
export const ErrorEnvelopeSchema = Type.Object(
  {
    type: Type.String({
      description: 'RFC 9457 problem type: tag:screenmagic,2026:<error.code>',
      examples: ['tag:screenmagic,2026:VALIDATION_FAILED'],
    }),
    title: Type.String({ description: 'The HTTP status phrase', examples: ['Bad Request'] }),
    status: Type.Integer({ description: 'The HTTP status code', examples: [400] }),
    detail: Type.String({ description: 'The same text as error.message' }),
    error: Type.Object(
      {
        code: Type.String({
          description: 'What went wrong, for programs: VALIDATION_FAILED, NOT_FOUND, …',
          examples: ['VALIDATION_FAILED'],
        }),
        message: Type.String(),
        details: Type.Array(ErrorDetailSchema),
        nextOpening: Type.Optional(
          Type.Union([InstantSchema, Type.Null()], {
            description:
              "409 BUSINESS_CLOSED: the business's next opening (UTC), null when none within a year.",
          }),
        ),
        closure: Type.Optional(
          Type.String({
            description:
              '409 BUSINESS_CLOSED: the name of the closure or public holiday that closes the day; ' +
              'absent for a weekly closed day and an unnamed closure.',
            examples: ['Christmas Day'],
          }),
        ),
      },
      { additionalProperties: true },
    ),
    requestId: Type.String({ description: 'Also in the x-request-id header and the logs' }),
  },
  {
    $id: 'Error',
    description:
      'Every error answer. Served as application/json, or as application/problem+json when Accept asks for it.',
  },
);

/** `{ items, nextCursor }`: every list in the API. */
export function ListSchema<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  });
}

/** `?cursor=&limit=`: the pagination query every list accepts. */
export const PageQuerySchema = Type.Object(
  {
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

/** Error responses for OpenAPI, by status. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorEnvelopeSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorEnvelopeSchema]));
}
