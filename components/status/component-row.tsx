import { StatusIcon } from "@/components/status/status-icon";
import { COMPONENT_STATUS_LABELS } from "@/server/components/status";
import type { PublicComponent } from "@/server/public/types";

export function ComponentRow({ component }: { component: PublicComponent }) {
  return (
    <li
      className="flex items-center justify-between gap-4 px-4 py-3"
      data-testid="component"
      data-component-id={component.id}
      data-status={component.status}
    >
      <div className="min-w-0">
        <p className="font-medium">{component.name}</p>
        {component.description ? (
          <p className="truncate text-sm text-zinc-600 dark:text-zinc-400">{component.description}</p>
        ) : null}
      </div>
      <p className="flex shrink-0 items-center gap-2 text-sm">
        <StatusIcon status={component.status} />
        <span data-testid="component-status">{COMPONENT_STATUS_LABELS[component.status]}</span>
      </p>
    </li>
  );
}
