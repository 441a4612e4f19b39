import Link from "next/link";
import { MAINTENANCE_STATUS_LABELS, type MaintenanceView } from "@/server/maintenance/schema";
import { formatInZone } from "@/server/maintenance/time";

export function statusLabel(m: Pick<MaintenanceView, "status" | "cancelledAt">): string {
  return m.cancelledAt ? "Cancelled" : MAINTENANCE_STATUS_LABELS[m.status];
}

export function WindowTimes({ window: m, timeZone }: { window: MaintenanceView; timeZone: string }) {
  return (
    <p className="text-sm text-zinc-600 dark:text-zinc-400">
      {formatInZone(m.scheduledFor, timeZone)} → {formatInZone(m.scheduledUntil, timeZone)}
    </p>
  );
}

/** One window in a list: title, state, times, components. */
export function WindowSummary({ window: m, timeZone }: { window: MaintenanceView; timeZone: string }) {
  return (
    <li className="space-y-1 p-3" data-testid="maintenance-window" data-maintenance-id={m.id} data-status={m.cancelledAt ? "cancelled" : m.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/console/maintenance/${m.id}`} className="font-medium underline hover:no-underline">
          {m.name}
        </Link>
        <span className="rounded bg-zinc-200 px-2 py-0.5 text-xs dark:bg-zinc-800">{statusLabel(m)}</span>
      </div>
      <WindowTimes window={m} timeZone={timeZone} />
      <p className="text-sm">{m.components.map((c) => c.name).join(", ")}</p>
    </li>
  );
}

export function WindowList({ title, windows, timeZone, empty }: { title: string; windows: MaintenanceView[]; timeZone: string; empty: string }) {
  const id = `list-${title.toLowerCase().replace(/\W+/g, "-")}`;
  return (
    <section aria-labelledby={id} className="space-y-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {windows.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {windows.map((m) => (
            <WindowSummary key={m.id} window={m} timeZone={timeZone} />
          ))}
        </ul>
      )}
    </section>
  );
}
