import { LocalTime } from "@/components/status/local-time";
import { formatPosted } from "@/server/public/time";
import type { Freshness } from "@/server/public/types";

/** Said plainly when the data could not be confirmed recently, so nobody mistakes old news for new. */
export function FreshnessNotice({ freshness, timeZone }: { freshness: Freshness; timeZone: string }) {
  if (!freshness.stale) return null;
  return (
    <p role="status" data-testid="freshness-notice" className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
      Live updates are delayed. This is the status as last confirmed at{" "}
      <LocalTime iso={freshness.confirmedAt} serverText={formatPosted(freshness.confirmedAt, timeZone)} />.
    </p>
  );
}
