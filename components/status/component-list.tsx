import { ComponentRow } from "@/components/status/component-row";
import type { PublicComponent, PublicGroup, PublicIncident } from "@/server/public/types";

/** Components that should be listed: hidden-while-operational ones only when something is wrong. */
function visible(component: PublicComponent): boolean {
  return component.showcase && (!component.onlyShowIfDegraded || component.status !== "operational");
}

const LIST = "divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800";

export function ComponentList({
  groups,
  components,
  incidents,
}: {
  groups: PublicGroup[];
  components: PublicComponent[];
  incidents: PublicIncident[];
}) {
  const byId = new Map(components.map((c) => [c.id, c]));
  const incidentNames = new Map(incidents.map((i) => [i.id, i.name]));
  const ungrouped = components.filter((c) => (c.groupId === null || !groups.some((g) => g.id === c.groupId)) && visible(c));
  return (
    <section aria-labelledby="components-heading" className="space-y-4">
      <h2 id="components-heading" className="sr-only">
        Components
      </h2>
      {ungrouped.length > 0 ? (
        <ul className={LIST}>
          {ungrouped.map((c) => (
            <ComponentRow key={c.id} component={c} incidentNames={incidentNames} />
          ))}
        </ul>
      ) : null}
      {groups.map((group) => {
        const members = group.componentIds.map((id) => byId.get(id)).filter((c): c is PublicComponent => !!c && visible(c));
        if (members.length === 0) return null;
        return (
          <details key={group.id} open className="group/g" data-testid="component-group">
            <summary className="mb-2 flex cursor-pointer items-center gap-2 text-base font-semibold">
              <span aria-hidden="true" className="inline-block w-3 transition-transform group-open/g:rotate-90">
                ›
              </span>
              {group.name}
              <span className="text-sm font-normal text-zinc-600 dark:text-zinc-400">({members.length})</span>
            </summary>
            <ul className={LIST}>
              {members.map((c) => (
                <ComponentRow key={c.id} component={c} incidentNames={incidentNames} />
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
