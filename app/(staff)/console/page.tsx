import Link from "next/link";
import { IncidentList } from "@/components/incident-console/incident-list";
import { can } from "@/server/auth/permissions";
import { requireStaffPage } from "@/server/auth/session";
import { listIncidents } from "@/server/incidents/data";
import { getPageSettings } from "@/server/page/data";

export default async function ConsoleOverviewPage() {
  const { user } = await requireStaffPage();
  const [{ timeZone }, open] = await Promise.all([getPageSettings(), listIncidents("open")]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-bold">Overview</h1>
        {can(user.roles, "incident.create") ? (
          <Link href="/console/incidents/new" className="inline-flex min-h-10 items-center rounded-md bg-blue-700 px-4 text-sm font-medium text-white dark:bg-blue-500 dark:text-zinc-950">
            Open an incident
          </Link>
        ) : null}
      </div>
      <section aria-labelledby="open-incidents" className="space-y-2" data-testid="open-incidents">
        <h2 id="open-incidents" className="text-lg font-semibold">
          Open incidents
        </h2>
        <IncidentList incidents={open} timeZone={timeZone} now={new Date()} empty="No open incidents." />
      </section>
      <p className="text-sm">
        Signed in as {user.email} ·{" "}
        <Link className="underline" href="/">
          View the public page
        </Link>
      </p>
    </div>
  );
}
