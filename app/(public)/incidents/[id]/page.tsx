import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { IncidentTimeline } from "@/components/incidents/incident-timeline";
import { IMPACT_TEXT } from "@/components/incidents/labels";
import { FreshnessNotice } from "@/components/status/freshness-notice";
import { LocalTime } from "@/components/status/local-time";
import { formatPosted } from "@/server/public/time";
import { getPublicView } from "@/server/public/view";

// GET /incidents/{id}: one published incident's whole public timeline and postmortem.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

async function findIncident(id: string) {
  const view = await getPublicView();
  return { view, incident: view.snapshot.incidents.find((i) => i.id === id) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { incident, view } = await findIncident((await params).id);
  return { title: incident ? `${incident.name} · ${view.snapshot.page.name}` : "Incident not found" };
}

export default async function IncidentPage({ params }: Props) {
  const { incident, view } = await findIncident((await params).id);
  if (!incident) notFound();
  const { snapshot } = view;
  const tz = snapshot.page.timeZone;
  const affected = snapshot.components.filter((c) => incident.componentIds.includes(c.id)).map((c) => c.name);
  return (
    <main className="space-y-6" data-testid="incident" data-incident-id={incident.id}>
      <FreshnessNotice freshness={view.freshness} timeZone={tz} />
      <div className="space-y-1">
        <h1 className={`text-2xl font-bold ${IMPACT_TEXT[incident.impact]}`}>{incident.name}</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Incident report · started <LocalTime iso={incident.startedAt} serverText={formatPosted(incident.startedAt, tz)} />
          {incident.resolvedAt ? (
            <>
              {" "}
              · resolved <LocalTime iso={incident.resolvedAt} serverText={formatPosted(incident.resolvedAt, tz)} />
            </>
          ) : null}
        </p>
      </div>
      {incident.postmortem ? (
        <section aria-labelledby="postmortem" data-testid="postmortem" className="space-y-2 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
          <h2 id="postmortem" className="text-lg font-semibold">
            Postmortem
          </h2>
          <div className="prose-status" dangerouslySetInnerHTML={{ __html: incident.postmortem.bodyHtml }} />
          {incident.postmortem.actionItems.length > 0 ? (
            <>
              <h3 className="font-semibold">Action items</h3>
              <ul className="list-disc space-y-1 pl-5" data-testid="action-items">
                {incident.postmortem.actionItems.map((a, n) => (
                  <li key={n}>
                    {a.title}
                    {a.done ? <span className="text-zinc-600 dark:text-zinc-400"> (done)</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            Posted <LocalTime iso={incident.postmortem.publishedAt} serverText={formatPosted(incident.postmortem.publishedAt, tz)} />
          </p>
        </section>
      ) : null}
      <section aria-labelledby="updates" className="space-y-3">
        <h2 id="updates" className="text-lg font-semibold">
          Updates
        </h2>
        <IncidentTimeline updates={incident.updates} timeZone={tz} />
      </section>
      {affected.length > 0 ? <p className="text-sm">This incident affected: {affected.join(", ")}.</p> : null}
      <p>
        <Link href="/" className="underline">
          Current status
        </Link>
      </p>
    </main>
  );
}
