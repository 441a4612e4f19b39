// Times for the public side, in the page's time zone, always with the zone named. Pure.

const partsCache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${timeZone}|${JSON.stringify(options)}`;
  let f = partsCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, ...options });
    partsCache.set(key, f);
  }
  return f;
}

function parts(date: Date, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const out: Record<string, string> = {};
  for (const p of formatter(timeZone, options).formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** Minutes east of UTC that `timeZone` is at `date`. */
export function offsetMinutes(date: Date, timeZone: string): number {
  const p = parts(date, timeZone, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

/** ISO 8601 in the page's zone with its offset, as Statuspage's API writes times: 2022-07-22T04:50:00.000-04:00. */
export function toOffsetIso(value: string | Date, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const offset = offsetMinutes(date, timeZone);
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 23);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

/** "Jul 22, 2022 - 04:50 EDT": how Statuspage users know posting times. */
export function formatPosted(value: string | Date, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const p = parts(date, timeZone, {
    month: "short",
    day: "numeric",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  });
  return `${p.month} ${p.day}, ${p.year} - ${p.hour}:${p.minute} ${p.timeZoneName}`;
}

/** "Nov 3, 2026" in the page's zone. */
export function formatDay(value: string | Date, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const p = parts(date, timeZone, { month: "short", day: "numeric", year: "numeric" });
  return `${p.month} ${p.day}, ${p.year}`;
}

/** YYYY-MM-DD of the day `value` falls on in `timeZone`. */
export function localDayKey(value: string | Date, timeZone: string): string {
  const date = typeof value === "string" ? new Date(value) : value;
  const p = parts(date, timeZone, { year: "numeric", month: "2-digit", day: "2-digit" });
  return `${p.year}-${p.month}-${p.day}`;
}

/** A UTC day key (YYYY-MM-DD) as "Nov 3, 2026", without shifting it into another zone. */
export function formatDayKey(key: string): string {
  return formatDay(new Date(`${key}T12:00:00Z`), "UTC");
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return true;
  } catch {
    return false;
  }
}
