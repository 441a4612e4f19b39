import type { OverallStatus } from "@/server/public/overall-status";

const STYLE: Record<OverallStatus["indicator"], string> = {
  none: "bg-operational",
  minor: "bg-degraded",
  major: "bg-partial",
  critical: "bg-major",
};

export function StatusBanner({ status }: { status: OverallStatus }) {
  const maintenance = status.indicator === "none" && status.description === "Service Under Maintenance";
  return (
    <div
      className={`rounded-lg px-5 py-4 text-lg font-semibold text-white dark:text-zinc-950 ${maintenance ? "bg-maintenance" : STYLE[status.indicator]}`}
      data-testid="overall-status"
      data-indicator={status.indicator}
    >
      {status.description}
    </div>
  );
}
