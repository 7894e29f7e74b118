import type { FeedEntry } from '../customers/replica-feed.ts';

/**
 * Replica entries (`ReplicaEntrySchema`) as JSON text around the stored schedules, as the
 * other internal answers are written (see `StoredCustomer` for why): a snapshot of
 * 100,000 customers never parses a schedule.
 */
export function replicaEntriesJson(entries: Iterable<FeedEntry>): string {
  let out = '';
  for (const entry of entries) {
    const head = `{"id":${JSON.stringify(entry.id)},"seq":"${entry.seq}","customer":`;
    const customer =
      'deleted' in entry
        ? 'null'
        : `{"name":${JSON.stringify(entry.name)},"phone":${JSON.stringify(entry.phone)},` +
          `"consent":{"marketing":${entry.marketing}},` +
          `"timeZone":${JSON.stringify(entry.timeZone)},"workingHours":${entry.workingHoursJson}}`;
    out += `${out === '' ? '' : ','}${head}${customer}}`;
  }
  return `[${out}]`;
}
