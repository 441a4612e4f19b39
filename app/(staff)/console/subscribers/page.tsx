import type { Metadata } from "next";
import Link from "next/link";
import { SubscriberToggle } from "@/components/subscribers/subscriber-toggle";
import { requireStaffPage } from "@/server/auth/session";
import { getDeliveryBacklog } from "@/server/notifications/data";
import { listSubscribersForAdmin, type SubscriberRow } from "@/server/subscribers/data";

export const metadata: Metadata = { title: "Subscribers" };

const STATES = ["pending", "active", "disabled", "unsubscribed"] as const;
const CHANNELS = ["webhook", "email"] as const;
const when = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "–");
const pick = <T extends string>(allowed: readonly T[], v: string | string[] | undefined): T | undefined =>
  typeof v === "string" && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;

// GET /console/subscribers: who is subscribed, how their deliveries are doing (admins only).
export default async function SubscribersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage("subscriber.manage", "/console/subscribers");
  const params = await searchParams;
  const filter = {
    state: pick(STATES, params.state),
    channel: pick(CHANNELS, params.channel),
    search: typeof params.q === "string" && params.q.trim() ? params.q.trim().slice(0, 200) : undefined,
  };
  const [{ rows, counts }, backlog] = await Promise.all([listSubscribersForAdmin(filter), getDeliveryBacklog()]);
  const cell = "px-2 py-2 align-top";
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">Subscribers</h1>
        <Link href="/console/subscribers/deliveries" className="text-sm underline">
          Delivery log
        </Link>
      </div>
      <dl className="flex flex-wrap gap-6 text-sm" data-testid="subscriber-counts">
        {STATES.map((s) => (
          <div key={s}>
            <dt className="text-zinc-600 dark:text-zinc-400">{s}</dt>
            <dd className="text-lg font-semibold">{counts[s]}</dd>
          </div>
        ))}
        <div>
          <dt className="text-zinc-600 dark:text-zinc-400">deliveries waiting / retrying / failed today</dt>
          <dd className="text-lg font-semibold">
            {backlog.pending} / {backlog.retrying} / {backlog.failedToday}
          </dd>
        </div>
      </dl>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
        <label className="space-y-1">
          <span className="block font-medium">Address or URL contains</span>
          <input name="q" defaultValue={filter.search} className="min-h-10 rounded-md border border-zinc-300 px-3 dark:border-zinc-700 dark:bg-zinc-900" />
        </label>
        <label className="space-y-1">
          <span className="block font-medium">State</span>
          <select name="state" defaultValue={filter.state ?? ""} className="min-h-10 rounded-md border border-zinc-300 px-2 dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">any</option>
            {STATES.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block font-medium">Channel</span>
          <select name="channel" defaultValue={filter.channel ?? ""} className="min-h-10 rounded-md border border-zinc-300 px-2 dark:border-zinc-700 dark:bg-zinc-900">
            <option value="">any</option>
            {CHANNELS.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-10 rounded-md border border-zinc-300 px-4 dark:border-zinc-700">
          Filter
        </button>
      </form>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 dark:border-zinc-800">
            <tr>
              <th scope="col" className={cell}>Recipient</th>
              <th scope="col" className={cell}>State</th>
              <th scope="col" className={cell}>Components</th>
              <th scope="col" className={cell}>Health</th>
              <th scope="col" className={cell}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td className={cell} colSpan={5}>
                  No subscribers match.
                </td>
              </tr>
            ) : null}
            {rows.map((r: SubscriberRow) => (
              <tr key={r.id} data-testid="subscriber-row" data-target={r.target} className="border-b border-zinc-100 dark:border-zinc-900">
                <td className={`${cell} break-all`}>
                  <span className="font-medium">{r.target}</span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                    {r.channel}
                    {r.audience === "staff" ? " · staff (configuration)" : ""} · since {when(r.createdAt)}
                  </span>
                </td>
                <td className={cell}>
                  {r.state}
                  {r.disabledReason ? <span className="block text-xs">{r.disabledReason}</span> : null}
                </td>
                <td className={cell}>{r.allComponents ? "all" : `${r.scopeSize} chosen`}</td>
                <td className={cell}>
                  last success {when(r.lastSuccessAt)}
                  {r.failingSince ? <span className="block text-xs text-red-700 dark:text-red-400">failing since {when(r.failingSince)}</span> : null}
                  <span className="block text-xs">{r.pendingDeliveries} waiting</span>
                  <Link href={`/console/subscribers/deliveries?subscription=${r.id}`} className="text-xs underline">
                    log
                  </Link>
                </td>
                <td className={cell}>
                  {r.audience === "public" && (r.state === "active" || r.state === "disabled") ? (
                    <SubscriberToggle id={r.id} enabled={r.state === "active"} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
