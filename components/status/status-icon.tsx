import type { ComponentStatus } from "@/server/components/status";

// An icon per status, shaped differently for each so status never depends on colour alone.
const COLOR: Record<ComponentStatus, string> = {
  operational: "text-operational",
  degraded_performance: "text-degraded",
  partial_outage: "text-partial",
  major_outage: "text-major",
  under_maintenance: "text-maintenance",
};

export function StatusIcon({ status, className = "h-5 w-5" }: { status: ComponentStatus; className?: string }) {
  const common = { className: `${className} ${COLOR[status]} shrink-0`, viewBox: "0 0 20 20", "aria-hidden": true } as const;
  switch (status) {
    case "operational":
      return (
        <svg {...common} fill="currentColor">
          <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3-4.5 4.5a1 1 0 0 1-1.4 0l-2-2a1 1 0 1 1 1.4-1.4l1.3 1.3 3.8-3.8a1 1 0 1 1 1.4 1.4Z" />
        </svg>
      );
    case "degraded_performance":
      return (
        <svg {...common} fill="currentColor">
          <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM6 9h8a1 1 0 1 1 0 2H6a1 1 0 1 1 0-2Z" />
        </svg>
      );
    case "partial_outage":
      return (
        <svg {...common} fill="currentColor">
          <path d="M8.3 3.1a2 2 0 0 1 3.4 0l6 10.4A2 2 0 0 1 16 16.5H4a2 2 0 0 1-1.7-3L8.3 3.1ZM10 7a1 1 0 0 0-1 1v3a1 1 0 1 0 2 0V8a1 1 0 0 0-1-1Zm0 7.5a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" />
        </svg>
      );
    case "major_outage":
      return (
        <svg {...common} fill="currentColor">
          <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM7.7 6.3 10 8.6l2.3-2.3a1 1 0 1 1 1.4 1.4L11.4 10l2.3 2.3a1 1 0 0 1-1.4 1.4L10 11.4l-2.3 2.3a1 1 0 0 1-1.4-1.4L8.6 10 6.3 7.7a1 1 0 0 1 1.4-1.4Z" />
        </svg>
      );
    case "under_maintenance":
      return (
        <svg {...common} fill="currentColor">
          <path d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm-1-12a1 1 0 1 1 2 0v3.6l2.2 2.2a1 1 0 0 1-1.4 1.4l-2.5-2.5A1 1 0 0 1 9 10V6Z" />
        </svg>
      );
  }
}
