import { ComponentRowActions, GroupRowActions } from "@/components/catalog/catalog-rows";
import { ComponentForm } from "@/components/catalog/component-form";
import { GroupForm } from "@/components/catalog/group-form";
import { createComponentAction, createGroupAction, updateComponentAction, updateGroupAction } from "@/server/components/admin/actions";
import type { AdminComponent, AdminGroup, Catalog } from "@/server/components/admin/schema";
import { COMPONENT_STATUS_LABELS } from "@/server/components/status";

// The components page: groups in page order with their components, forms to add and edit, and the
// archive. A server component: edit forms open in <details>, so nothing needs a client-side router.

function Badge({ children }: { children: string }) {
  return <span className="rounded bg-zinc-200 px-2 py-0.5 text-xs dark:bg-zinc-800">{children}</span>;
}

function ComponentItem({ component, groups, isFirst, isLast }: { component: AdminComponent; groups: AdminGroup[]; isFirst: boolean; isLast: boolean }) {
  const c = component;
  return (
    <li className="space-y-2 p-3" data-testid="admin-component" data-component-id={c.id} data-name={c.name}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <p className="font-medium">{c.name}</p>
          <p className="flex flex-wrap gap-1 text-sm text-zinc-600 dark:text-zinc-400">
            <span>{COMPONENT_STATUS_LABELS[c.status]}</span>
            {!c.showcase ? <Badge>hidden from the page</Badge> : null}
            {c.onlyShowIfDegraded ? <Badge>shown only when not operational</Badge> : null}
            {c.archivedAt ? <Badge>archived</Badge> : null}
          </p>
          {c.ownerTeam || c.runbookUrl ? (
            <p className="text-xs text-zinc-600 dark:text-zinc-400">
              {c.ownerTeam ? `Owner: ${c.ownerTeam}` : null}
              {c.ownerTeam && c.runbookUrl ? " · " : null}
              {c.runbookUrl ? (
                <a className="underline" href={c.runbookUrl} rel="noreferrer" target="_blank">
                  Runbook
                </a>
              ) : null}
            </p>
          ) : null}
        </div>
        <ComponentRowActions id={c.id} name={c.name} isFirst={isFirst} isLast={isLast} archived={c.archivedAt !== null} />
      </div>
      {c.archivedAt ? null : (
        <details className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800">
          <summary className="cursor-pointer text-sm font-medium">Edit {c.name}</summary>
          <div className="pt-3">
            <ComponentForm action={updateComponentAction.bind(null, c.id)} groups={groups} component={c} idPrefix={`edit-${c.id}`} submitLabel="Save component" />
          </div>
        </details>
      )}
    </li>
  );
}

function ComponentItems({ components, groups }: { components: AdminComponent[]; groups: AdminGroup[] }) {
  if (components.length === 0) return <p className="p-3 text-sm text-zinc-600 dark:text-zinc-400">No components.</p>;
  return (
    <ul className="divide-y divide-zinc-200 dark:divide-zinc-800">
      {components.map((c, i) => (
        <ComponentItem key={c.id} component={c} groups={groups} isFirst={i === 0} isLast={i === components.length - 1} />
      ))}
    </ul>
  );
}

export function CatalogAdmin({ catalog }: { catalog: Catalog }) {
  const liveGroups = catalog.groups.filter((g) => !g.archivedAt);
  const live = catalog.components.filter((c) => !c.archivedAt);
  const ungrouped = live.filter((c) => !c.groupId || !liveGroups.some((g) => g.id === c.groupId));
  const archivedGroups = catalog.groups.filter((g) => g.archivedAt);
  const archivedComponents = catalog.components.filter((c) => c.archivedAt);
  return (
    <div className="space-y-8">
      {liveGroups.map((g, i) => (
        <section key={g.id} aria-label={g.name} data-testid="admin-group" data-group-id={g.id} className="rounded-md border border-zinc-200 dark:border-zinc-800">
          <div className="flex flex-wrap items-start justify-between gap-2 border-b border-zinc-200 p-3 dark:border-zinc-800">
            <div>
              <h2 className="text-lg font-semibold">{g.name}</h2>
              {g.description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{g.description}</p> : null}
            </div>
            <GroupRowActions id={g.id} name={g.name} isFirst={i === 0} isLast={i === liveGroups.length - 1} archived={false} />
          </div>
          <ComponentItems components={live.filter((c) => c.groupId === g.id)} groups={catalog.groups} />
          <details className="border-t border-zinc-200 p-3 dark:border-zinc-800">
            <summary className="cursor-pointer text-sm font-medium">Edit group {g.name}</summary>
            <div className="pt-3">
              <GroupForm action={updateGroupAction.bind(null, g.id)} group={g} idPrefix={`group-${g.id}`} submitLabel="Save group" />
            </div>
          </details>
        </section>
      ))}
      <section aria-label="Not in a group" className="rounded-md border border-zinc-200 dark:border-zinc-800">
        <h2 className="border-b border-zinc-200 p-3 text-lg font-semibold dark:border-zinc-800">Not in a group</h2>
        <ComponentItems components={ungrouped} groups={catalog.groups} />
      </section>
      <div className="grid gap-8 md:grid-cols-2">
        <section aria-labelledby="add-component" className="space-y-3">
          <h2 id="add-component" className="text-lg font-semibold">
            Add a component
          </h2>
          <ComponentForm action={createComponentAction} groups={catalog.groups} idPrefix="new-component" submitLabel="Add component" />
        </section>
        <section aria-labelledby="add-group" className="space-y-3">
          <h2 id="add-group" className="text-lg font-semibold">
            Add a group
          </h2>
          <GroupForm action={createGroupAction} idPrefix="new-group" submitLabel="Add group" />
        </section>
      </div>
      {archivedGroups.length + archivedComponents.length > 0 ? (
        <section aria-labelledby="archived" className="space-y-3">
          <h2 id="archived" className="text-lg font-semibold">
            Archived
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Not on the public page; history kept. Restoring puts it back at the end.</p>
          <ul className="divide-y divide-zinc-200 rounded-md border border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
            {archivedGroups.map((g) => (
              <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 p-3" data-testid="archived-group">
                <span>Group: {g.name}</span>
                <GroupRowActions id={g.id} name={g.name} isFirst isLast archived />
              </li>
            ))}
            {archivedComponents.map((c) => (
              <ComponentItem key={c.id} component={c} groups={catalog.groups} isFirst isLast />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
