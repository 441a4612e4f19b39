export interface ScopeOptions {
  groups: { id: string; name: string }[];
  components: { id: string; name: string; groupId: string | null }[];
}

/**
 * Which components a subscription covers: checkboxes for groups (which also cover components added to
 * the group later) and single components. Nothing checked means everything. Plain inputs, so it works
 * without JavaScript.
 */
export function ScopePicker({
  options: { groups, components },
  selected,
  idPrefix,
}: {
  options: ScopeOptions;
  selected?: { componentIds: string[]; groupIds: string[] };
  idPrefix: string;
}) {
  const ungrouped = components.filter((c) => !c.groupId || !groups.some((g) => g.id === c.groupId));
  const box = (kind: "componentIds" | "groupIds", id: string, label: string, strong = false) => (
    <label key={`${kind}-${id}`} htmlFor={`${idPrefix}-${kind}-${id}`} className="flex min-h-8 items-center gap-2 text-sm">
      <input
        id={`${idPrefix}-${kind}-${id}`}
        type="checkbox"
        name={kind}
        value={id}
        defaultChecked={selected?.[kind].includes(id)}
        className="size-4"
      />
      <span className={strong ? "font-medium" : undefined}>{label}</span>
    </label>
  );
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Components</legend>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Leave everything unchecked to hear about every component. A checked group includes components added to it later.
      </p>
      <div className="space-y-2">
        {groups.map((g) => (
          <div key={g.id}>
            {box("groupIds", g.id, `${g.name} (whole group)`, true)}
            <div className="ml-6">
              {components.filter((c) => c.groupId === g.id).map((c) => box("componentIds", c.id, c.name))}
            </div>
          </div>
        ))}
        {ungrouped.map((c) => box("componentIds", c.id, c.name))}
      </div>
    </fieldset>
  );
}
