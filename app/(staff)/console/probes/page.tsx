import type { Metadata } from "next";
import Link from "next/link";
import { LocationForm } from "@/components/probes/location-form";
import { ProbeActions } from "@/components/probes/probe-actions";
import { ProbeForm } from "@/components/probes/probe-form";
import { When } from "@/components/probes/when";
import { requireStaffPage } from "@/server/auth/session";
import { listActiveComponents } from "@/server/components/admin/data";
import { createProbeAction } from "@/server/probes/actions";
import { listLocations, listProbes } from "@/server/probes/data";

export const metadata: Metadata = { title: "Probes" };

const HEALTH_STYLE = {
  up: "text-green-700 dark:text-green-400",
  degraded: "text-amber-700 dark:text-amber-400",
  down: "text-red-700 dark:text-red-400",
  unknown: "text-zinc-600 dark:text-zinc-400",
} as const;

const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

function target(config: Record<string, unknown>, kind: string): string {
  if (kind === "http") return `${text(config.method) || "GET"} ${text(config.url)}`;
  if (kind === "tcp") return `${text(config.host)}:${text(config.port)}`;
  return "push URL";
}

export default async function ProbesPage() {
  await requireStaffPage("probe.manage", "/console/probes");
  const [probes, locations, components] = await Promise.all([listProbes(), listLocations(), listActiveComponents()]);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-xl font-bold">Probes</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Checks that set component status. A location goes down after the failure threshold in a row and back after the recovery threshold; see{" "}
          <Link className="underline" href="/console/status">
            component status
          </Link>{" "}
          for what the page shows.
        </p>
      </div>

      <section aria-labelledby="probe-list" className="space-y-3">
        <h2 id="probe-list" className="font-semibold">
          All probes ({probes.length})
        </h2>
        {probes.length === 0 ? <p className="text-sm">No probes yet.</p> : null}
        <ul className="space-y-3">
          {probes.map((p) => (
            <li key={p.id} className="space-y-2 rounded-md border border-zinc-200 p-3 dark:border-zinc-800" data-testid={`probe-${p.id}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <div>
                  <Link className="font-medium underline" href={`/console/probes/${p.id}`}>
                    {p.name}
                  </Link>{" "}
                  <span className="text-sm text-zinc-600 dark:text-zinc-400">
                    · {p.componentName} · {p.kind.toUpperCase()} {target(p.config, p.kind)} · every {p.intervalSeconds} s{p.enabled ? "" : " · disabled"}
                  </span>
                </div>
                <ProbeActions id={p.id} name={p.name} canRun={p.kind !== "push"} />
              </div>
              <ul className="flex flex-wrap gap-3 text-sm">
                {p.locations.map((l) => (
                  <li key={l.locationId}>
                    {l.locationName}: <span className={HEALTH_STYLE[l.health]}>{l.stale ? "stale" : l.health}</span>
                    {l.lastLatencyMs !== null ? ` · ${l.lastLatencyMs} ms` : ""}
                    {l.lastError ? ` · ${l.lastError}` : ""}
                    {l.lastResultAt ? (
                      <>
                        {" "}
                        · <When iso={l.lastResultAt} />
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="probe-new" className="space-y-3">
        <h2 id="probe-new" className="font-semibold">
          Add a probe
        </h2>
        <ProbeForm action={createProbeAction} components={components} locations={locations} />
      </section>

      <section aria-labelledby="locations" className="space-y-3">
        <h2 id="locations" className="font-semibold">
          Locations
        </h2>
        <ul className="space-y-1 text-sm">
          {locations.map((l) => (
            <li key={l.id} data-testid={`location-${l.name}`}>
              <span className="font-medium">{l.name}</span> {l.builtin ? "(built-in, run by the worker)" : `(agent, token ${l.tokenPrefix ?? "?"}…)`} · {l.probes} probes ·{" "}
              {l.stale ? <strong className="text-red-700 dark:text-red-400">stale: no results lately</strong> : l.lastSeenAt ? "reporting" : "not seen yet"}
              {l.lastSeenAt ? (
                <>
                  {" "}
                  · last seen <When iso={l.lastSeenAt} />
                </>
              ) : null}
            </li>
          ))}
        </ul>
        <LocationForm />
      </section>
    </div>
  );
}
