import type { OrderView } from '../../src/schemas/order.ts';

export type { OrderView };

/** The error envelope, as tests read it. */
export interface ErrorReply {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly details: readonly { readonly field: string; readonly message: string }[];
  };
  readonly requestId: string;
}

export interface OrderPage {
  readonly items: readonly OrderView[];
  readonly nextCursor: string | null;
}
