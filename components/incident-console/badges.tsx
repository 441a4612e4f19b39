import { IMPACT_LABELS, UPDATE_STATUS_LABELS, type Impact, type IncidentStatus } from "@/server/incidents/schema";

const IMPACT_CLASS: Record<Impact, string> = {
  none: "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
  minor: "bg-yellow-100 text-yellow-900 dark:bg-yellow-900 dark:text-yellow-100",
  major: "bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100",
  critical: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

export function IncidentBadges({ status, impact, visibility }: { status: IncidentStatus; impact: Impact; visibility: "internal" | "published" }) {
  return (
    <span className="inline-flex flex-wrap gap-1 text-xs">
      <span data-testid="incident-status" className="rounded bg-zinc-200 px-2 py-0.5 dark:bg-zinc-800">
        {UPDATE_STATUS_LABELS[status]}
      </span>
      <span className={`rounded px-2 py-0.5 ${IMPACT_CLASS[impact]}`}>{IMPACT_LABELS[impact]} impact</span>
      <span data-testid="incident-visibility" className={`rounded px-2 py-0.5 ${visibility === "internal" ? "bg-purple-100 text-purple-900 dark:bg-purple-900 dark:text-purple-100" : "bg-green-100 text-green-900 dark:bg-green-900 dark:text-green-100"}`}>
        {visibility === "internal" ? "Internal" : "Public"}
      </span>
    </span>
  );
}
