import type { MessageStatus } from '@screenmagic/service-kit/contracts';

/** A correction handed over earlier, with its status at the outgoing service now. */
export interface CorrectionState {
  readonly messageId: string;
  /** The processing time the correction names. */
  readonly processingAt: Date;
  /** Undefined when the outgoing service does not list it (never created there). */
  readonly status: MessageStatus | undefined;
}

/**
 * Statuses of a correction the customer has read or will read: delivered, or in a
 * dispatcher's hands right now (it could not be cancelled, so it may arrive).
 */
const TOLD: readonly (MessageStatus | undefined)[] = ['delivered', 'sending'];

/**
 * The processing time the customer was last told: the one named by the latest correction
 * that reached them (or is on its way), else the one the reply announced. Corrections
 * cancelled, failed or expired told them nothing.
 *
 * @example
 * toldProcessingAt(monday9, [{ messageId: 'msg_1', processingAt: tuesday9, status: 'cancelled' }])
 * // => monday9
 */
export function toldProcessingAt(announced: Date, corrections: readonly CorrectionState[]): Date {
  const told = corrections.findLast((correction) => TOLD.includes(correction.status));
  return told?.processingAt ?? announced;
}

/**
 * Whether a pending order's customer needs a (new) correction: only when the processing
 * time now in force differs from the one they were last told. Moved away and back again
 * before any correction reached them: nothing to say.
 */
export function needsCorrection(
  processingAt: Date,
  announced: Date,
  corrections: readonly CorrectionState[],
): boolean {
  return toldProcessingAt(announced, corrections).getTime() !== processingAt.getTime();
}
