"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;
const formatter = new Map<string, Intl.DateTimeFormat>();

function viewerFormat(iso: string, withTime: boolean): string {
  const key = withTime ? "t" : "d";
  let f = formatter.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", withTime
      ? { month: "short", day: "numeric", year: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZoneName: "short" }
      : { month: "short", day: "numeric", year: "numeric" });
    formatter.set(key, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(iso)).map((x) => [x.type, x.value]));
  return withTime ? `${p.month} ${p.day}, ${p.year} - ${p.hour}:${p.minute} ${p.timeZoneName}` : `${p.month} ${p.day}, ${p.year}`;
}

/**
 * A time shown in the page's zone as rendered on the server (readable without JavaScript), then in the
 * viewer's own zone once the page runs in a browser. Both carry the zone name.
 */
export function LocalTime({ iso, serverText, withTime = true }: { iso: string; serverText: string; withTime?: boolean }) {
  // The server's text during hydration (so nothing mismatches), the viewer's zone right after.
  const inBrowser = useSyncExternalStore(noSubscription, () => true, () => false);
  const text = inBrowser ? viewerFormat(iso, withTime) : serverText;
  return (
    <time dateTime={iso} title={serverText}>
      {text}
    </time>
  );
}
