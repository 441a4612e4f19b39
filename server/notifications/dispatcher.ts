import "server-only";
import { logger } from "@/lib/logger";
import { listHostsWithDueDeliveries, listUndispatchedEvents } from "@/server/notifications/data";
import { buildDraft, getPageContext } from "@/server/notifications/drafts";
import { fanOutEvent } from "@/server/notifications/mutations";

// The dispatcher reads the outbox in order and fans each event out (see fanOutEvent), then sweeps:
// every host with due deliveries that nobody is sending gets a drain job. The sweep is what retries
// failed deliveries when their time comes and what resumes the work of a worker that died.

export interface DispatchResult {
  events: number;
  deliveries: number;
  hosts: string[];
}

/** Fans out every undispatched event; an event that cannot be built yet stays for the next run. */
export async function dispatchPending(batch = 50): Promise<DispatchResult> {
  const result: DispatchResult = { events: 0, deliveries: 0, hosts: [] };
  const hosts = new Set<string>();
  // Events that failed to build, or that another worker holds: not retried in this run.
  const skipped = new Set<bigint>();
  for (;;) {
    const events = (await listUndispatchedEvents(batch + skipped.size)).filter((e) => !skipped.has(e.id));
    if (events.length === 0) break;
    const ctx = await getPageContext();
    for (const { id, event } of events) {
      try {
        const draft = await buildDraft(id, event, ctx);
        const fanned = await fanOutEvent(id, draft);
        if (!fanned) {
          skipped.add(id);
          continue;
        }
        result.events++;
        result.deliveries += fanned.deliveries;
        fanned.hosts.forEach((h) => hosts.add(h));
      } catch (error) {
        skipped.add(id);
        logger.error({ err: error, eventId: String(id), type: event.type }, "could not dispatch an outbox event");
      }
    }
  }
  result.hosts = [...hosts];
  return result;
}

/** Hosts that have due deliveries nobody is sending. */
export function hostsToDrain(limit = 1000): Promise<string[]> {
  return listHostsWithDueDeliveries(limit);
}
