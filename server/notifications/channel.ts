/** The Postgres NOTIFY channel on which a committed outbox event wakes the dispatcher. */
export const OUTBOX_CHANNEL = "status_outbox";
