import type { Metadata } from "next";
import { AuditEntry } from "@/components/audit/audit-entry";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters";
import { getAuditFacets, listAuditEntries } from "@/server/audit/data";
import { auditQuerySchema } from "@/server/audit/schema";
import { listStaffUsers } from "@/server/auth/data";
import { requireStaffPage } from "@/server/auth/session";
import { formatInZone, zonedLocalToUtc } from "@/server/maintenance/time";
import { getPageSettings } from "@/server/page/data";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requireStaffPage("audit.read", "/console/audit");
  const params = await searchParams;
  const { timeZone } = await getPageSettings();
  const values: AuditFilterValues = { actor: one(params.actor), entityType: one(params.entityType), action: one(params.action), from: one(params.from), to: one(params.to) };
  // The form's times are wall-clock times in the page's zone.
  const instant = (local?: string) => (local ? (zonedLocalToUtc(local, timeZone)?.toISOString() ?? local) : undefined);
  const query = auditQuerySchema.safeParse({ ...values, from: instant(values.from), to: instant(values.to), cursor: one(params.cursor) });
  const [facets, people, page] = await Promise.all([
    getAuditFacets(),
    listStaffUsers(),
    query.success ? listAuditEntries(query.data) : Promise.resolve(null),
  ]);
  const older = page?.nextCursor
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(values).filter(([, v]) => v)), cursor: page.nextCursor }).toString()}`
    : null;
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-bold">Audit log</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Every write by staff, tokens and background jobs. Never public.</p>
      </div>
      <AuditFilters values={values} facets={facets} people={people.map((p) => ({ id: p.id, name: p.name }))} timeZone={timeZone} />
      {!page ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          Those filters are not valid: {query.error?.issues[0]?.message}
        </p>
      ) : page.entries.length === 0 ? (
        <p>Nothing matches these filters.</p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {page.entries.map((e) => (
            <AuditEntry key={e.id} entry={e} when={formatInZone(e.at, timeZone)} />
          ))}
        </ul>
      )}
      <nav aria-label="Pages" className="flex gap-4 text-sm">
        {params.cursor ? (
          <a className="underline" href={`?${new URLSearchParams(Object.fromEntries(Object.entries(values).filter(([, v]) => v) as [string, string][])).toString()}`}>
            Newest
          </a>
        ) : null}
        {older ? (
          <a className="underline" href={older}>
            Older entries
          </a>
        ) : null}
      </nav>
    </div>
  );
}
