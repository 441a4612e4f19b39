import "server-only";
import type { Tx } from "@/lib/db";
import type { OutboxEvent } from "@/server/notifications/events";

/**
 * Leaves an event in the outbox, inside the caller's transaction: the event exists if and only if the
 * change committed, and delivery (which reads the outbox later) can never lose it.
 */
export async function enqueueEvent(tx: Tx, event: OutboxEvent): Promise<void> {
  await tx.outboxEvent.create({ data: { type: event.type, payload: event } });
}
