import Link from "next/link";
import { MAINTENANCE_STATUS_LABELS } from "@/components/incidents/labels";
import { LocalTime } from "@/components/status/local-time";
import { formatPosted } from "@/server/public/time";
import type { PublicComponent, PublicMaintenance } from "@/server/public/types";

export function MaintenanceCard({
  maintenance,
  components,
  timeZone,
}: {
  maintenance: PublicMaintenance;
  components: Pick<PublicComponent, "id" | "name">[];
  timeZone: string;
}) {
  const affected = components.filter((c) => maintenance.componentIds.includes(c.id)).map((c) => c.name);
  return (
    <article data-testid="maintenance" data-maintenance-id={maintenance.id} data-status={maintenance.status} className="rounded-lg border border-blue-300 dark:border-blue-800">
      <h3 className="border-b border-blue-200 px-4 py-3 text-lg font-semibold text-maintenance dark:border-blue-900">
        <Link href={`/maintenance/${maintenance.id}`} className="hover:underline">
          {maintenance.name}
        </Link>
      </h3>
      <div className="space-y-2 px-4 py-4 text-sm">
        <p>
          <span className="font-semibold">{MAINTENANCE_STATUS_LABELS[maintenance.status]}</span>
          {" · "}
          <LocalTime iso={maintenance.scheduledFor} serverText={formatPosted(maintenance.scheduledFor, timeZone)} />
          {" to "}
          <LocalTime iso={maintenance.scheduledUntil} serverText={formatPosted(maintenance.scheduledUntil, timeZone)} />
        </p>
        <div className="prose-status" dangerouslySetInnerHTML={{ __html: maintenance.updates[0]?.bodyHtml ?? maintenance.bodyHtml }} />
        {affected.length > 0 ? <p className="text-zinc-600 dark:text-zinc-400">Affects {affected.join(", ")}</p> : null}
      </div>
    </article>
  );
}
