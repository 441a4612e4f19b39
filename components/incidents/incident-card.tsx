import Link from "next/link";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { IMPACT_TEXT } from "@/components/incidents/labels";
import type { PublicIncident } from "@/server/public/types";

/** An open incident on the front page, with its whole public timeline. */
export function IncidentCard({ incident, timeZone }: { incident: PublicIncident; timeZone: string }) {
  return (
    <article data-testid="incident" data-incident-id={incident.id} data-impact={incident.impact} className="rounded-lg border border-zinc-300 dark:border-zinc-700">
      <h3 className={`border-b border-zinc-200 px-4 py-3 text-lg font-semibold dark:border-zinc-800 ${IMPACT_TEXT[incident.impact]}`}>
        <Link href={`/incidents/${incident.id}`} className="hover:underline">
          {incident.name}
        </Link>
      </h3>
      <div className="px-4 py-4">
        <IncidentTimeline updates={incident.updates} timeZone={timeZone} />
      </div>
    </article>
  );
}
