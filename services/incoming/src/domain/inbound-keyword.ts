/** What an inbound message asks for (SPEC §6). */
export type InboundAction = 'opt-out' | 'opt-in' | 'help' | 'none';

const KEYWORDS: Readonly<Record<string, Exclude<InboundAction, 'none'>>> = Object.freeze({
  STOP: 'opt-out',
  STOPALL: 'opt-out',
  UNSUBSCRIBE: 'opt-out',
  CANCEL: 'opt-out',
  END: 'opt-out',
  QUIT: 'opt-out',
  START: 'opt-in',
  YES: 'opt-in',
  UNSTOP: 'opt-in',
  HELP: 'help',
  INFO: 'help',
});

/**
 * White space and punctuation around the message: phones add a trailing space or newline,
 * people add "." or "!" ("STOP.", "Stop!", "¡STOP!"), as carriers read it. Only at the ends:
 * inside, "S TOP" or "STOP IT" is not a keyword.
 */
const SURROUNDING = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

/**
 * The action of an inbound text: a keyword only when it is the whole message
 * (case-insensitive; surrounding white space and punctuation ignored — carriers honour
 * "STOP." and "Stop!", and an opt-out missed is worse than one honoured). "Stop sending
 * me offers" is `none`: a person wrote it, it is stored for the business to read, and
 * consent is changed only by the keyword itself.
 *
 * @example
 * inboundAction(' stop\n') // => 'opt-out'
 * inboundAction('STOP.') // => 'opt-out'
 * inboundAction('Unstop') // => 'opt-in'
 * inboundAction('stop it') // => 'none'
 */
export function inboundAction(text: string): InboundAction {
  return KEYWORDS[text.replace(SURROUNDING, '').toUpperCase()] ?? 'none';
}

/** The reply each action sends (null: no reply). */
export function inboundReply(action: InboundAction): string | null {
  switch (action) {
    case 'opt-out':
      return 'You will no longer receive marketing messages from us. Order updates will still reach you. Reply START to subscribe again.';
    case 'opt-in':
      return 'You will receive our marketing messages again. Reply STOP to unsubscribe.';
    case 'help':
      return 'Reply STOP to stop marketing messages, START to receive them again. Order updates are always sent.';
    case 'none':
      return null;
  }
}

/**
 * A phone number reduced to `+` and digits, the form both sides are compared in
 * (`+91 98765-43210` → `+919876543210`). Empty when nothing is left.
 */
export function phoneKey(phone: string): string {
  return phone.replace(/[^+0-9]/g, '');
}
