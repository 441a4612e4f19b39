// Wall-clock times in the page's time zone, for the console's date-time fields. The console shows and
// reads times in the page's zone (as Statuspage does), so the server and every browser agree. Pure.

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The zone's offset from UTC, in minutes, at an instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * "2026-03-08T02:30" read as a wall-clock time in `timeZone`, as an instant; null when malformed. A time
 * skipped by a daylight-saving jump resolves to the same wall time in the offset before the jump.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const m = LOCAL.exec(local.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, Number.isNaN(s) ? 0 : s);
  if (Number.isNaN(wall)) return null;
  // Two rounds settle the offset except across a transition, where the first guess is kept.
  const first = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  const second = wall - offsetMinutes(new Date(first), timeZone) * 60_000;
  return new Date(offsetMinutes(new Date(second), timeZone) === offsetMinutes(new Date(first), timeZone) ? second : first);
}

/** An instant as "YYYY-MM-DDTHH:mm" in `timeZone`, the value an <input type="datetime-local"> takes. */
export function utcToZonedLocal(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetMinutes(instant, timeZone) * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** A readable time in the page's zone, e.g. "Thu, Nov 26, 06:00 EST". */
export function formatInZone(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", {
    timeZone,
    weekday: "short",
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).format(typeof iso === "string" ? new Date(iso) : iso);
}

/** A sensible default for a new window: tomorrow on the hour, two hours long, as form values in `timeZone`. */
export function suggestedWindow(timeZone: string, now = new Date()): { scheduledFor: string; scheduledUntil: string } {
  const hour = 3_600_000;
  const start = new Date(Math.ceil(now.getTime() / hour) * hour + 24 * hour);
  return { scheduledFor: utcToZonedLocal(start, timeZone), scheduledUntil: utcToZonedLocal(new Date(start.getTime() + 2 * hour), timeZone) };
}
