import { localDayKey } from "@/server/public/time";
import type { PublicIncident } from "@/server/public/types";

// Incident history by month in the page's zone, three months a page (newest first). Pure.

export const MONTHS_PER_PAGE = 3;

export interface HistoryMonth {
  /** YYYY-MM */
  key: string;
  label: string;
  incidents: PublicIncident[];
}

function shiftMonth(key: string, by: number): string {
  const [y, m] = key.split("-").map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

function monthLabel(key: string): string {
  return new Date(`${key}-15T12:00:00Z`).toLocaleString("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
}

export function historyPage(
  incidents: PublicIncident[],
  timeZone: string,
  now: Date,
  page: number,
): { months: HistoryMonth[]; page: number; hasOlder: boolean; hasNewer: boolean } {
  const current = localDayKey(now, timeZone).slice(0, 7);
  const safePage = Number.isInteger(page) && page >= 1 ? page : 1;
  const months: HistoryMonth[] = [];
  for (let n = 0; n < MONTHS_PER_PAGE; n++) {
    const key = shiftMonth(current, -((safePage - 1) * MONTHS_PER_PAGE + n));
    months.push({
      key,
      label: monthLabel(key),
      incidents: incidents.filter((i) => localDayKey(i.startedAt, timeZone).slice(0, 7) === key),
    });
  }
  const oldestShown = months[months.length - 1]?.key ?? current;
  const hasOlder = incidents.some((i) => localDayKey(i.startedAt, timeZone).slice(0, 7) < oldestShown);
  return { months, page: safePage, hasOlder, hasNewer: safePage > 1 };
}
