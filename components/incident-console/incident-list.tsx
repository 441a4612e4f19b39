import Link from "next/link";
import { IncidentBadges } from "@/components/incident-console/badges";
import { Countdown } from "@/components/incident-console/countdown";
import type { IncidentSummary } from "@/server/incidents/schema";
import { formatInZone } from "@/server/maintenance/time";

/** Incidents with their state, people and (while public and open) the update countdown. */
export function IncidentList({ incidents, timeZone, empty, now }: { incidents: IncidentSummary[]; timeZone: string; empty: string; now: Date }) {
  if (incidents.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
      {incidents.map((i) => (
        <li key={i.id} data-testid="console-incident" data-incident-id={i.id} className="space-y-1 p-3">
          <Link href={`/console/incidents/${i.id}`} className="block break-words font-medium underline-offset-2 hover:underline">
            {i.name}
          </Link>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <IncidentBadges status={i.status} impact={i.impact} visibility={i.visibility} />
            {i.nextUpdateDueAt && !i.resolvedAt ? <Countdown dueAt={i.nextUpdateDueAt} serverNow={now.toISOString()} /> : null}
          </div>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Started {formatInZone(i.startedAt, timeZone)} · commander {i.commander?.name ?? "unassigned"} · comms lead {i.commsLead?.name ?? "unassigned"}
          </p>
        </li>
      ))}
    </ul>
  );
}
