import { STATUS_CODES } from 'node:http';

/** RFC 9457's media type, served only to clients that ask for it (see `wantsProblemJson`). */
export const PROBLEM_JSON = 'application/problem+json';

/** The RFC 9457 members every error answer carries next to `error` and `requestId`. */
export interface ProblemMembers {
  /** `tag:screenmagic,2026:<error.code>`: one problem type per error code. */
  readonly type: string;
  /** The HTTP status phrase: the same for every occurrence of a status. */
  readonly title: string;
  readonly status: number;
  /** The same text as `error.message`. */
  readonly detail: string;
}

/**
 * The problem type URI of an error code. A tag URI (RFC 4151), as RFC 9457 §3.1.1
 * recommends for type URIs that are identifiers rather than links to documentation:
 * nothing is served at it, and `error.code` stays the name clients switch on.
 */
export function problemType(code: string): string {
  return `tag:screenmagic,2026:${code}`;
}

export function problemMembers(status: number, code: string, message: string): ProblemMembers {
  return {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: message,
  };
}

/**
 * True when the client's `Accept` names `application/problem+json` (with a non-zero q).
 * Everyone else keeps getting `application/json`, as before the RFC 9457 members existed:
 * clients that check the content type of an error are not broken by them.
 */
export function wantsProblemJson(accept: string | undefined): boolean {
  if (accept === undefined || !accept.includes(PROBLEM_JSON)) return false;
  return accept.split(',').some((range) => {
    const [type, ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    if (type !== PROBLEM_JSON) return false;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
