import { INCIDENT_STATUS_LABELS } from "@/components/incidents/labels";
import { LocalTime } from "@/components/status/local-time";
import { COMPONENT_STATUS_LABELS } from "@/server/components/status";
import { formatPosted } from "@/server/public/time";
import type { PublicIncidentUpdate } from "@/server/public/types";

/** An incident's public updates, newest first, as Statuspage readers know them. */
export function IncidentTimeline({ updates, timeZone }: { updates: PublicIncidentUpdate[]; timeZone: string }) {
  return (
    <ol className="space-y-4">
      {updates.map((u) => (
        <li key={u.id} data-testid="incident-update" data-status={u.status} className="grid gap-1 sm:grid-cols-[8rem_1fr] sm:gap-4">
          <p className="font-semibold">{INCIDENT_STATUS_LABELS[u.status]}</p>
          <div className="min-w-0 space-y-1">
            <div className="prose-status" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
            {u.affectedComponents.length > 0 ? (
              <p className="text-sm text-zinc-600 dark:text-zinc-400">
                {u.affectedComponents.map((a) => `${a.name}: ${COMPONENT_STATUS_LABELS[a.newStatus]}`).join(" · ")}
              </p>
            ) : null}
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              Posted <LocalTime iso={u.displayAt} serverText={formatPosted(u.displayAt, timeZone)} />
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
