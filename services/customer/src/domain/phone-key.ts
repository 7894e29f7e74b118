/**
 * A phone number reduced to `+` and digits (`+91 98765-43210` → `+919876543210`): the
 * form a stored phone and an inbound message's `from` are compared in (SPEC §6).
 */
export function phoneKey(phone: string): string {
  return phone.replace(/[^+0-9]/g, '');
}
