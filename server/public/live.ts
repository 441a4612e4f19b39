import { isActiveMaintenance, isUpcomingMaintenance } from "@/server/public/statuspage-v2";
import type { ComponentStatus } from "@/server/components/status";
import type { Freshness, PublicIncident, PublicMaintenance, PublicView } from "@/server/public/types";
import type { OverallStatus } from "@/server/public/overall-status";

// What the status page refreshes live in the browser (/api/public/live.json): the parts that change
// during an incident. Everything else on the page is rendered once on the server.
export interface LiveModel {
  etag: string;
  freshness: Freshness;
  timeZone: string;
  status: OverallStatus;
  components: Record<string, ComponentStatus>;
  activeIncidents: PublicIncident[];
  maintenances: PublicMaintenance[];
}

export function liveModel(view: PublicView): LiveModel {
  const s = view.snapshot;
  return {
    etag: view.etag,
    freshness: view.freshness,
    timeZone: s.page.timeZone,
    status: s.status,
    components: Object.fromEntries(s.components.map((c) => [c.id, c.status])),
    activeIncidents: s.incidents.filter((i) => i.resolvedAt === null),
    maintenances: s.maintenances.filter((m) => isActiveMaintenance(m) || isUpcomingMaintenance(m)),
  };
}
