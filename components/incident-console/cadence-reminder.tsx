"use client";

import Link from "next/link";
import { useSyncExternalStore } from "react";
import { formatCountdown } from "@/server/incidents/rules";

const tick = (notify: () => void) => {
  const timer = setInterval(notify, 1000);
  return () => clearInterval(timer);
};
const currentSecond = () => Math.floor(Date.now() / 1000);

/**
 * The comms lead's reminder, on every console page: it appears the moment one of their incidents'
 * public update falls due (the worker also sends it to the staff channels).
 */
export function CadenceReminder({ incidents, serverNow }: { incidents: { id: string; name: string; dueAt: string }[]; serverNow: string }) {
  const second = useSyncExternalStore(tick, currentSecond, () => Math.floor(new Date(serverNow).getTime() / 1000));
  const overdue = incidents.filter((i) => new Date(i.dueAt).getTime() <= second * 1000);
  if (overdue.length === 0) return null;
  return (
    <div role="alert" data-testid="cadence-reminder" className="border-b border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
      <ul className="mx-auto max-w-5xl space-y-1 px-4 py-2 text-sm">
        {overdue.map((i) => (
          <li key={i.id}>
            Public update overdue by {formatCountdown(second * 1000 - new Date(i.dueAt).getTime())}:{" "}
            <Link href={`/console/incidents/${i.id}`} className="font-semibold underline">
              {i.name}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
