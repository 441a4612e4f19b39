import { ComponentRow } from "@/components/status/component-row";
import type { PublicComponent, PublicGroup } from "@/server/public/types";

/** Components that should be listed: hidden-while-operational ones only when something is wrong. */
function visible(component: PublicComponent): boolean {
  return component.showcase && (!component.onlyShowIfDegraded || component.status !== "operational");
}

export function ComponentList({ groups, components }: { groups: PublicGroup[]; components: PublicComponent[] }) {
  const byId = new Map(components.map((c) => [c.id, c]));
  const ungrouped = components.filter((c) => c.groupId === null && visible(c));
  return (
    <div className="space-y-6">
      {ungrouped.length > 0 ? (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
          {ungrouped.map((c) => (
            <ComponentRow key={c.id} component={c} />
          ))}
        </ul>
      ) : null}
      {groups.map((group) => {
        const members = group.componentIds.map((id) => byId.get(id)).filter((c): c is PublicComponent => !!c && visible(c));
        if (members.length === 0) return null;
        return (
          <section key={group.id} aria-labelledby={`group-${group.id}`} data-testid="component-group">
            <h2 id={`group-${group.id}`} className="mb-2 text-base font-semibold">
              {group.name}
            </h2>
            <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
              {members.map((c) => (
                <ComponentRow key={c.id} component={c} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
