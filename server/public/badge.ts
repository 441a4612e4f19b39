import type { ComponentStatus } from "@/server/components/status";
import type { StatusIndicator } from "@/server/public/overall-status";

// Shields-style SVG badges, from the snapshot. Text widths use Verdana 11px averages, as shields does.

const COLORS = { green: "#3fb950", yellow: "#d29922", orange: "#db6d28", red: "#e5534b", blue: "#4184e4", grey: "#9f9f9f" };

function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[ijlt.,:;'|!I1 ]/.test(ch) ? 3.6 : /[mwMW@]/.test(ch) ? 9.6 : /[A-Z0-9]/.test(ch) ? 7.4 : 6.6;
  return Math.ceil(w);
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function badgeSvg(label: string, message: string, color: string): string {
  const lw = textWidth(label) + 12;
  const mw = textWidth(message) + 12;
  const w = lw + mw;
  const l = escapeXml(label);
  const m = escapeXml(message);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="20" role="img" aria-label="${l}: ${m}"><title>${l}: ${m}</title><linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient><clipPath id="r"><rect width="${w}" height="20" rx="3" fill="#fff"/></clipPath><g clip-path="url(#r)"><rect width="${lw}" height="20" fill="#555"/><rect x="${lw}" width="${mw}" height="20" fill="${color}"/><rect width="${w}" height="20" fill="url(#s)"/></g><g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11"><text x="${lw / 2}" y="15" fill="#010101" fill-opacity=".3">${l}</text><text x="${lw / 2}" y="14">${l}</text><text x="${lw + mw / 2}" y="15" fill="#010101" fill-opacity=".3">${m}</text><text x="${lw + mw / 2}" y="14">${m}</text></g></svg>`;
}

const OVERALL: Record<StatusIndicator, [string, string]> = {
  none: ["operational", COLORS.green],
  minor: ["degraded", COLORS.yellow],
  major: ["partial outage", COLORS.orange],
  critical: ["major outage", COLORS.red],
};

export function overallBadge(indicator: StatusIndicator, underMaintenance: boolean, label = "status"): string {
  const [message, color] = indicator === "none" && underMaintenance ? ["maintenance", COLORS.blue] : OVERALL[indicator];
  return badgeSvg(label, message, color);
}

const COMPONENT: Record<ComponentStatus, [string, string]> = {
  operational: ["operational", COLORS.green],
  degraded_performance: ["degraded", COLORS.yellow],
  partial_outage: ["partial outage", COLORS.orange],
  major_outage: ["major outage", COLORS.red],
  under_maintenance: ["maintenance", COLORS.blue],
};

export function componentBadge(name: string, status: ComponentStatus): string {
  const [message, color] = COMPONENT[status];
  return badgeSvg(name, message, color);
}

export function unknownBadge(label: string): string {
  return badgeSvg(label, "unknown", COLORS.grey);
}
