import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MAINTENANCE_STATUS_LABELS } from "@/components/incidents/labels";
import { MaintenanceCard } from "@/components/incidents/maintenance-card";
import { LocalTime } from "@/components/status/local-time";
import { formatPosted } from "@/server/public/time";
import { getPublicView } from "@/server/public/view";

// GET /maintenance/{id}: one published maintenance notice with its updates.
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const view = await getPublicView();
  const m = view.snapshot.maintenances.find((x) => x.id === id);
  return { title: m ? `${m.name} · ${view.snapshot.page.name}` : "Maintenance not found" };
}

export default async function MaintenancePage({ params }: Props) {
  const { id } = await params;
  const view = await getPublicView();
  const maintenance = view.snapshot.maintenances.find((m) => m.id === id);
  if (!maintenance) notFound();
  const tz = view.snapshot.page.timeZone;
  return (
    <main className="space-y-6">
      <h1 className="text-2xl font-bold">{maintenance.name}</h1>
      <MaintenanceCard maintenance={maintenance} components={view.snapshot.components} timeZone={tz} />
      {maintenance.updates.length > 0 ? (
        <section aria-labelledby="updates" className="space-y-3">
          <h2 id="updates" className="text-lg font-semibold">
            Updates
          </h2>
          <ol className="space-y-3">
            {maintenance.updates.map((u) => (
              <li key={u.id} data-testid="maintenance-update" data-status={u.status}>
                <p className="font-semibold">{MAINTENANCE_STATUS_LABELS[u.status]}</p>
                <div className="prose-status" dangerouslySetInnerHTML={{ __html: u.bodyHtml }} />
                <p className="text-xs text-zinc-600 dark:text-zinc-400">
                  Posted <LocalTime iso={u.displayAt} serverText={formatPosted(u.displayAt, tz)} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      <p>
        <Link href="/" className="underline">
          Current status
        </Link>
      </p>
    </main>
  );
}
