import type { GroupPlan, ScheduleGroup } from '../db/broadcast-replica-repository.ts';
import type { PlannedCustomer, RecipientPlanner } from '../domain/recipient-planner.ts';

/** What a replica row (or group) is to the planner. */
export function replicaCustomer(row: {
  readonly timeZone: string;
  readonly workingHoursJson: string;
  readonly marketingConsent: boolean;
}): PlannedCustomer {
  return {
    timeZone: row.timeZone,
    workingHours: JSON.parse(row.workingHoursJson) as unknown,
    consent: { marketing: row.marketingConsent },
  };
}

/**
 * Decides each schedule group of a broadcast to everyone — the one decision both the
 * broadcast (which stores it for every member) and its preview (which counts it for every
 * member) take, through the same {@link RecipientPlanner} a named broadcast uses per
 * recipient. Only for broadcasts without the per-day cap: with it, a recipient's decision
 * depends on their own messages, not just their group.
 */
export function planGroups(
  planner: RecipientPlanner,
  groups: readonly ScheduleGroup[],
): GroupPlan[] {
  return groups.map((group) => ({ group, plan: planner.plan(replicaCustomer(group)) }));
}
