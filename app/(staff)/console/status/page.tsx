import type { Metadata } from "next";
import Link from "next/link";
import { When } from "@/components/probes/when";
import { requireStaffPage } from "@/server/auth/session";
import { COMPONENT_STATUS_LABELS } from "@/server/components/status";
import { can } from "@/server/auth/permissions";
import { openIncidentPath } from "@/server/probes/alert";
import { listComponentHealth } from "@/server/probes/data";

export const metadata: Metadata = { title: "Component status" };

const SOURCE = { probe: "probes", staff: "staff", maintenance: "maintenance" } as const;

export default async function StatusPage() {
  const { user } = await requireStaffPage("console.view", "/console/status");
  const components = await listComponentHealth();
  const alerts = components.filter((c) => c.statusSource === "probe" && c.status !== "operational");
  const mayOpen = can(user.roles, "incident.create");
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-bold">Component status</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">What the page shows and where it came from: an override wins over maintenance, maintenance over probes, probes over a status set by hand.</p>
      </div>
      {alerts.length > 0 ? (
        <section aria-labelledby="alerts" className="space-y-2 rounded-md border border-red-300 p-3 dark:border-red-800">
          <h2 id="alerts" className="font-semibold">
            Probe alerts
          </h2>
          <ul className="space-y-2 text-sm">
            {alerts.map((c) => (
              <li key={c.id} data-testid={`alert-${c.id}`}>
                <strong>{c.name}</strong>: {COMPONENT_STATUS_LABELS[c.status]}. {c.probeDetail}{" "}
                {mayOpen ? (
                  <Link className="underline" href={`/console${openIncidentPath({ componentId: c.id, componentName: c.name, status: c.status, failing: [], detail: c.probeDetail ?? "" })}`}>
                    Open incident
                  </Link>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-zinc-200 dark:border-zinc-800">
            <th className="py-2">Component</th>
            <th>Status</th>
            <th>From</th>
            <th>Since</th>
          </tr>
        </thead>
        <tbody>
          {components.map((c) => (
            <tr key={c.id} className="border-b border-zinc-100 align-top dark:border-zinc-900" data-testid={`status-row-${c.id}`}>
              <td className="py-2">
                <Link className="underline" href={`/console/status/${c.id}`}>
                  {c.name}
                </Link>
              </td>
              <td>{COMPONENT_STATUS_LABELS[c.status]}</td>
              <td>
                {c.overrideStatus ? "override" : SOURCE[c.statusSource]}
                {c.statusSource === "probe" && c.probeDetail ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{c.probeDetail}</span> : null}
                {c._count.probes > 0 && c.probeStatus === null ? <span className="block text-xs text-amber-700">no recent probe results</span> : null}
              </td>
              <td>
                <When iso={c.statusChangedAt.toISOString()} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
