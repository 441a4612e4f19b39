import { COMPONENT_STATUS_LABELS, type ComponentStatus } from "@/server/components/status";

// The one-click "open incident" link of a probe alert. Pure. The incidents area implements the
// contract: /console/incidents/new?componentId=<id>&name=<text>&details=<text> opens a pre-filled form.

/** The path under /console (the alert's link is the console's base URL plus this). */
export function openIncidentPath(input: { componentId: string; componentName: string; status: ComponentStatus; failing: string[]; detail: string }): string {
  const name = `${input.componentName}: ${COMPONENT_STATUS_LABELS[input.status]}`;
  const details = input.failing.length > 0 ? `Failing checks:\n${input.failing.map((f) => `- ${f}`).join("\n")}` : input.detail;
  const q = new URLSearchParams({ componentId: input.componentId, name, details: details.slice(0, 1500) });
  return `/incidents/new?${q.toString()}`;
}
