import type { Metadata } from "next";
import { PastIncidents } from "@/components/incidents/past-incidents";
import { ComponentList } from "@/components/status/component-list";
import { LiveProvider } from "@/components/status/live";
import { LiveBanner, LiveIncidents, LiveMaintenance } from "@/components/status/live-sections";
import { liveModel } from "@/server/public/live";
import { getPublicView } from "@/server/public/view";

// GET /: the status page. Rendered on the server from the snapshot (complete without JavaScript), then
// kept current in the browser by the live model.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { snapshot } = await getPublicView();
  return {
    title: `${snapshot.page.name}: ${snapshot.status.description}`,
    description: snapshot.page.description ?? undefined,
  };
}

export default async function StatusPage() {
  const view = await getPublicView();
  const { snapshot } = view;
  return (
    <LiveProvider fallback={liveModel(view)}>
      <main className="space-y-8">
        <h1 className="sr-only">{snapshot.page.name}</h1>
        {snapshot.page.description ? <p className="text-zinc-600 dark:text-zinc-400">{snapshot.page.description}</p> : null}
        <LiveBanner />
        <LiveIncidents />
        <LiveMaintenance components={snapshot.components.map(({ id, name }) => ({ id, name }))} />
        <ComponentList groups={snapshot.groups} components={snapshot.components} incidents={snapshot.incidents} />
        <PastIncidents incidents={snapshot.incidents} timeZone={snapshot.page.timeZone} now={new Date(snapshot.generatedAt)} />
      </main>
    </LiveProvider>
  );
}
