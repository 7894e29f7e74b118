/** The longest name accepted, in characters (after trimming). */
export const NAME_MAX_LENGTH = 200;

/** A customer name as stored, and the key that makes names unique. */
export interface NormalizedName {
  /** Trimmed and NFC-normalized: what is stored and shown. */
  readonly name: string;
  /** `name` lower-cased (locale-independent): unique across customers. */
  readonly key: string;
  /** Whether `name` differs from what was given (surrounding whitespace, Unicode form). */
  readonly changed: boolean;
}

// C0/C1 controls and line/paragraph separators: never part of a name, and they would
// forge log lines or break the webhook's `to`.
const CONTROL_CHARACTERS = /[\p{Cc}\u2028\u2029]/u;

/**
 * The key two names are compared by: trimmed, NFC-normalized, lower-cased with the root
 * locale. `' Alice '`, `'ALICE'` and `'alice'` share a key; `'Ålice'` typed as `A` +
 * combining ring shares one with the precomposed `Å`.
 *
 * @example
 * nameKey('  Élodie ') // => 'élodie'
 */
export function nameKey(raw: string): string {
  return raw.normalize('NFC').trim().toLocaleLowerCase('und');
}

/**
 * Validates and normalizes a customer name.
 *
 * @returns the normalized name, or the reason it is refused (blank, too long, control
 *   characters).
 * @example
 * normalizeName('  Alice ') // => { name: 'Alice', key: 'alice', changed: true }
 */
export function normalizeName(raw: string): NormalizedName | { readonly problem: string } {
  const name = raw.normalize('NFC').trim();
  if (name === '') return { problem: 'must not be blank' };
  if ([...name].length > NAME_MAX_LENGTH) {
    return { problem: `must be at most ${NAME_MAX_LENGTH} characters` };
  }
  if (CONTROL_CHARACTERS.test(name)) return { problem: 'must not contain control characters' };
  return { name, key: name.toLocaleLowerCase('und'), changed: name !== raw };
}
