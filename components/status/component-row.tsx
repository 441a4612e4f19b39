import { LiveComponentStatus } from "@/components/status/live-sections";
import { UptimeBar } from "@/components/status/uptime-bar";
import type { PublicComponent } from "@/server/public/types";

export function ComponentRow({ component, incidentNames }: { component: PublicComponent; incidentNames: Map<string, string> }) {
  return (
    <li className="space-y-3 px-4 py-3" data-testid="component" data-component-id={component.id}>
      <div className="flex items-center justify-between gap-4">
        <div className="min-w-0">
          <p className="font-medium">{component.name}</p>
          {component.description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{component.description}</p> : null}
        </div>
        <LiveComponentStatus id={component.id} initial={component.status} />
      </div>
      <UptimeBar component={component} incidentNames={incidentNames} />
    </li>
  );
}
