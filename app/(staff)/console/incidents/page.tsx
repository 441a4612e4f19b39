import type { Metadata } from "next";
import Link from "next/link";
import { IncidentList } from "@/components/incident-console/incident-list";
import { can } from "@/server/auth/permissions";
import { requireStaffPage } from "@/server/auth/session";
import { listIncidents } from "@/server/incidents/data";
import { getPageSettings } from "@/server/page/data";

export const metadata: Metadata = { title: "Incidents" };

export default async function IncidentsPage() {
  const { user } = await requireStaffPage("console.view", "/console/incidents");
  const [{ timeZone }, open, resolved] = await Promise.all([getPageSettings(), listIncidents("open"), listIncidents("resolved")]);
  const now = new Date();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">Incidents</h1>
        <div className="flex flex-wrap gap-2 text-sm">
          {can(user.roles, "template.manage") ? (
            <Link href="/console/incidents/templates" className="inline-flex min-h-10 items-center rounded-md border border-zinc-300 px-4 dark:border-zinc-700">
              Templates
            </Link>
          ) : null}
          {can(user.roles, "incident.create") ? (
            <Link href="/console/incidents/new" className="inline-flex min-h-10 items-center rounded-md bg-blue-700 px-4 font-medium text-white dark:bg-blue-500 dark:text-zinc-950">
              Open an incident
            </Link>
          ) : null}
        </div>
      </div>
      <section aria-labelledby="open" className="space-y-2">
        <h2 id="open" className="text-lg font-semibold">
          Open
        </h2>
        <IncidentList incidents={open} timeZone={timeZone} now={now} empty="No open incidents." />
      </section>
      <section aria-labelledby="resolved" className="space-y-2">
        <h2 id="resolved" className="text-lg font-semibold">
          Resolved
        </h2>
        <IncidentList incidents={resolved} timeZone={timeZone} now={now} empty="Nothing resolved yet." />
      </section>
    </div>
  );
}
