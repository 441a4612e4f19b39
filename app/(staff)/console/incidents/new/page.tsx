import type { Metadata } from "next";
import { NewIncidentForm } from "@/components/incident-console/new-incident-form";
import { requireStaffPage } from "@/server/auth/session";
import { listActiveComponents } from "@/server/components/admin/data";
import { createIncidentAction } from "@/server/incidents/actions";
import { listTemplates } from "@/server/incidents/data";

export const metadata: Metadata = { title: "Open an incident" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/**
 * The new-incident form. Other areas (probes) link here pre-filled:
 * /console/incidents/new?componentId=<id>&name=<text>&details=<text> checks the component, fills the
 * name, and makes the details the first internal note.
 */
export default async function NewIncidentPage({ searchParams }: Props) {
  const query = await searchParams;
  const search = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => [v].flat().filter((x): x is string => typeof x === "string").map((x) => [k, x])));
  await requireStaffPage("incident.create", `/console/incidents/new${search.size ? `?${search}` : ""}`);
  const [components, templates] = await Promise.all([listActiveComponents(), listTemplates()]);
  const componentIds = [query.componentId].flat().filter((x): x is string => typeof x === "string");
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-xl font-bold">Open an incident</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">It stays internal until a communicator publishes its first update.</p>
      <NewIncidentForm
        action={createIncidentAction}
        components={components}
        templates={templates}
        values={{ name: one(query.name).slice(0, 200), details: one(query.details).slice(0, 10_000), componentIds }}
      />
    </div>
  );
}
