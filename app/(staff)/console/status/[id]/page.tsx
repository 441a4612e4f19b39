import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LatencyChart } from "@/components/probes/latency-chart";
import { OverrideForm } from "@/components/probes/override-form";
import { When } from "@/components/probes/when";
import { can } from "@/server/auth/permissions";
import { requireStaffPage } from "@/server/auth/session";
import { COMPONENT_STATUS_LABELS } from "@/server/components/status";
import { setOverrideAction } from "@/server/probes/actions";
import { getComponentHealth, getLatencySeries } from "@/server/probes/data";

export const metadata: Metadata = { title: "Component" };

const HOURS = 24;

export default async function ComponentStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user } = await requireStaffPage("console.view", `/console/status/${id}`);
  const component = await getComponentHealth(id);
  if (!component) notFound();
  const now = new Date();
  const series = await getLatencySeries(id, HOURS, now);
  const from = new Date(now.getTime() - HOURS * 3_600_000);
  const mayOverride = can(user.roles, "component.override_status");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-bold">{component.name}</h1>
        <p data-testid="component-status">
          {COMPONENT_STATUS_LABELS[component.status]} · from {component.overrideStatus ? "an override" : component.statusSource === "probe" ? "probes" : component.statusSource} since{" "}
          <When iso={component.statusChangedAt.toISOString()} />
        </p>
        {component.probeDetail ? <p className="text-sm text-zinc-600 dark:text-zinc-400">Probes: {component.probeStatus ? COMPONENT_STATUS_LABELS[component.probeStatus] : "no data"} · {component.probeDetail}</p> : null}
      </div>

      {component.overrideStatus ? (
        <section aria-labelledby="override-now" className="rounded-md border border-amber-300 p-3 text-sm dark:border-amber-800">
          <h2 id="override-now" className="font-semibold">
            Overridden to {COMPONENT_STATUS_LABELS[component.overrideStatus]}
          </h2>
          <p>Reason (internal): {component.overrideReason}</p>
          <p>{component.overrideExpiresAt ? <>Ends <When iso={component.overrideExpiresAt.toISOString()} /></> : "Until lifted."}</p>
        </section>
      ) : null}

      {mayOverride ? (
        <section aria-labelledby="override" className="space-y-2">
          <h2 id="override" className="font-semibold">
            Override the status
          </h2>
          <OverrideForm componentId={id} action={setOverrideAction.bind(null, id)} active={component.overrideStatus !== null} />
        </section>
      ) : null}

      <section aria-labelledby="latency" className="space-y-3">
        <h2 id="latency" className="font-semibold">
          Response time, last {HOURS} hours
        </h2>
        {series.length === 0 ? <p className="text-sm">No probes for this component.</p> : null}
        {series.map((s) => (
          <LatencyChart key={`${s.probe}-${s.location}`} title={`${s.probe} from ${s.location}`} points={s.points} from={from} to={now} />
        ))}
      </section>
    </div>
  );
}
