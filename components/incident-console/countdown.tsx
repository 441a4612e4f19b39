"use client";

import { useSyncExternalStore } from "react";
import { cadenceState, formatCountdown } from "@/server/incidents/rules";

// A one-second clock shared by every countdown on the page.
const tick = (notify: () => void) => {
  const timer = setInterval(notify, 1000);
  return () => clearInterval(timer);
};
const currentSecond = () => Math.floor(Date.now() / 1000);

/** Time to the next public update, ticking every second; turns into "overdue" the moment it is due. */
export function Countdown({ dueAt, serverNow }: { dueAt: string; serverNow: string }) {
  // The server's time while hydrating (so nothing mismatches), the browser's clock after.
  const second = useSyncExternalStore(tick, currentSecond, () => Math.floor(new Date(serverNow).getTime() / 1000));
  const { overdue, remainingMs } = cadenceState(new Date(dueAt), new Date(second * 1000));
  return (
    <span
      data-testid="cadence"
      data-overdue={overdue ? "true" : "false"}
      className={overdue ? "rounded bg-red-700 px-2 py-0.5 font-semibold text-white" : "tabular-nums"}
    >
      {overdue ? `Update overdue by ${formatCountdown(remainingMs)}` : `Next update due in ${formatCountdown(remainingMs)}`}
    </span>
  );
}
