import Link from "next/link";
import { INCIDENT_STATUS_LABELS, IMPACT_TEXT } from "@/components/incidents/labels";
import { LocalTime } from "@/components/status/local-time";
import { formatDay, formatPosted, localDayKey } from "@/server/public/time";
import type { PublicIncident } from "@/server/public/types";

export const PAST_DAYS = 15;

/** The last 15 days in the page's zone, one heading per day, as Statuspage readers know it. */
export function PastIncidents({ incidents, timeZone, now }: { incidents: PublicIncident[]; timeZone: string; now: Date }) {
  const days: { key: string; label: string; incidents: PublicIncident[] }[] = [];
  for (let n = 0; n < PAST_DAYS; n++) {
    const at = new Date(now.getTime() - n * 86_400_000);
    const key = localDayKey(at, timeZone);
    days.push({ key, label: formatDay(at, timeZone), incidents: incidents.filter((i) => localDayKey(i.startedAt, timeZone) === key) });
  }
  return (
    <section aria-labelledby="past-incidents" className="space-y-4">
      <h2 id="past-incidents" className="text-xl font-bold">
        Past incidents
      </h2>
      {days.map((day) => (
        <div key={day.key} className="space-y-2 border-b border-zinc-200 pb-4 dark:border-zinc-800" data-testid="past-day" data-day={day.key}>
          <h3 className="font-semibold">{day.label}</h3>
          {day.incidents.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No incidents reported.</p> : null}
          {day.incidents.map((incident) => (
            <article key={incident.id} className="space-y-2" data-testid="past-incident" data-incident-id={incident.id}>
              <h4 className={`font-semibold ${IMPACT_TEXT[incident.impact]}`}>
                <Link href={`/incidents/${incident.id}`} className="hover:underline">
                  {incident.name}
                </Link>
              </h4>
              <ol className="space-y-2 text-sm">
                {incident.updates.map((u) => (
                  <li key={u.id}>
                    <span className="font-semibold">{INCIDENT_STATUS_LABELS[u.status]}</span> -{" "}
                    <span className="prose-inline" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
                    <p className="text-xs text-zinc-600 dark:text-zinc-400">
                      <LocalTime iso={u.displayAt} serverText={formatPosted(u.displayAt, timeZone)} />
                    </p>
                  </li>
                ))}
              </ol>
            </article>
          ))}
        </div>
      ))}
      <p>
        <Link href="/history" className="underline">
          Incident history
        </Link>
      </p>
    </section>
  );
}
