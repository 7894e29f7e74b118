/** What the other services follow: the calendar's version and the customer change head. */
export interface PublishedHead {
  readonly version: number;
  readonly customerChangeSeq: string;
}

/** What a caller of `GET /internal/business-calendar` says it has (what it re-planned for). */
export interface KnownHead {
  readonly version?: number | undefined;
  readonly customerChangeSeq?: string | undefined;
}

/**
 * Whether a held calendar request must be answered now: the calendar's version is not the
 * one the caller knows, or (when it named one) neither is the customer change head. A
 * caller that knows nothing is answered at once.
 *
 * @example
 * headMoved({ version: 3 }, { version: 3, customerChangeSeq: '9' }) // → false (seq not watched)
 * headMoved({ version: 3, customerChangeSeq: '8' }, { version: 3, customerChangeSeq: '9' }) // → true
 */
export function headMoved(known: KnownHead, head: PublishedHead): boolean {
  if (known.version === undefined && known.customerChangeSeq === undefined) return true;
  if (known.version !== undefined && known.version !== head.version) return true;
  return (
    known.customerChangeSeq !== undefined && known.customerChangeSeq !== head.customerChangeSeq
  );
}
