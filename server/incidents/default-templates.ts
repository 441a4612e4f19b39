// The well-known messages every status page starts from. The migration that created templates inserts
// them too; the demo seed upserts them by name, so running it again changes nothing.
export const DEFAULT_TEMPLATES = [
  { id: "tpl_investigating", name: "Investigating", status: "investigating", body: "We are currently investigating this issue.", position: 0 },
  { id: "tpl_identified", name: "Identified", status: "identified", body: "The issue has been identified and a fix is being implemented.", position: 1 },
  { id: "tpl_monitoring", name: "Monitoring", status: "monitoring", body: "A fix has been implemented and we are monitoring the results.", position: 2 },
  { id: "tpl_resolved", name: "Resolved", status: "resolved", body: "This incident has been resolved.", position: 3 },
] as const;
