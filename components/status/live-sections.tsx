"use client";

import { IncidentCard } from "@/components/incidents/incident-card";
import { MaintenanceCard } from "@/components/incidents/maintenance-card";
import { FreshnessNotice } from "@/components/status/freshness-notice";
import { useLive } from "@/components/status/live";
import { StatusBanner } from "@/components/status/status-banner";
import { StatusIcon } from "@/components/status/status-icon";
import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/server/components/status";
import type { PublicComponent } from "@/server/public/types";

// The parts of the page that change during an incident, rendered from the live model.

export function LiveBanner() {
  const live = useLive();
  return (
    <div className="space-y-3">
      <FreshnessNotice freshness={live.freshness} timeZone={live.timeZone} />
      <StatusBanner status={live.status} />
    </div>
  );
}

export function LiveIncidents() {
  const live = useLive();
  if (live.activeIncidents.length === 0) return null;
  return (
    <section aria-labelledby="active-incidents" className="space-y-4">
      <h2 id="active-incidents" className="sr-only">
        Active incidents
      </h2>
      {live.activeIncidents.map((incident) => (
        <IncidentCard key={incident.id} incident={incident} timeZone={live.timeZone} />
      ))}
    </section>
  );
}

export function LiveMaintenance({ components }: { components: Pick<PublicComponent, "id" | "name">[] }) {
  const live = useLive();
  if (live.maintenances.length === 0) return null;
  return (
    <section aria-labelledby="maintenance" className="space-y-4">
      <h2 id="maintenance" className="text-base font-semibold">
        Scheduled maintenance
      </h2>
      {live.maintenances.map((m) => (
        <MaintenanceCard key={m.id} maintenance={m} components={components} timeZone={live.timeZone} />
      ))}
    </section>
  );
}

export function LiveComponentStatus({ id, initial }: { id: string; initial: ComponentStatus }) {
  const status = useLive().components[id] ?? initial;
  return (
    <p className="flex shrink-0 items-center gap-2 text-sm" data-status={status}>
      <StatusIcon status={status} />
      <span data-testid="component-status">{COMPONENT_STATUS_LABELS[status]}</span>
    </p>
  );
}
