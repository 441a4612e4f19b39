import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { AuditFacets } from "@/server/audit/schema";

export interface AuditFilterValues {
  actor?: string;
  entityType?: string;
  action?: string;
  from?: string;
  to?: string;
}

/** A plain GET form: filters live in the URL, so a filtered view can be shared and works without JavaScript. */
export function AuditFilters({ values, facets, people, timeZone }: { values: AuditFilterValues; facets: AuditFacets; people: { id: string; name: string }[]; timeZone: string }) {
  const any = { value: "", label: "Any" };
  return (
    <form method="get" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter the audit log">
      <Select
        label="Who"
        name="actor"
        defaultValue={values.actor ?? ""}
        options={[any, ...people.map((p) => ({ value: p.id, label: p.name })), { value: "system", label: "Background jobs" }, { value: "cli", label: "Command line" }]}
      />
      <Select label="What kind of thing" name="entityType" defaultValue={values.entityType ?? ""} options={[any, ...facets.entityTypes.map((t) => ({ value: t, label: t }))]} />
      <Select label="Action" name="action" defaultValue={values.action ?? ""} options={[any, ...facets.actions.map((a) => ({ value: a, label: a }))]} />
      <Field label={`From (${timeZone})`} name="from" type="datetime-local" defaultValue={values.from ?? ""} />
      <Field label={`Until (${timeZone})`} name="to" type="datetime-local" defaultValue={values.to ?? ""} />
      <div className="flex items-end gap-2 pb-6">
        <Button type="submit">Filter</Button>
        <a href="?" className="inline-flex min-h-10 items-center px-2 text-sm underline">
          Clear
        </a>
      </div>
    </form>
  );
}
