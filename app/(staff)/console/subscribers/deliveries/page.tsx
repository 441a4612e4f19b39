import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffPage } from "@/server/auth/session";
import { listDeliveryLog } from "@/server/notifications/data";

export const metadata: Metadata = { title: "Delivery log" };

// GET /console/subscribers/deliveries: every delivery attempt with its outcome (admins only).
export default async function DeliveryLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffPage("subscriber.manage", "/console/subscribers/deliveries");
  const params = await searchParams;
  const failuresOnly = params.failures === "1";
  const subscriptionId = typeof params.subscription === "string" && params.subscription.length <= 64 ? params.subscription : undefined;
  const rows = await listDeliveryLog({ failuresOnly, subscriptionId });
  const cell = "px-2 py-2 align-top";
  const query = (failures: boolean) =>
    `/console/subscribers/deliveries?${new URLSearchParams({ ...(failures ? { failures: "1" } : {}), ...(subscriptionId ? { subscription: subscriptionId } : {}) }).toString()}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-bold">Delivery log</h1>
        <Link href="/console/subscribers" className="text-sm underline">
          Subscribers
        </Link>
      </div>
      <p className="text-sm">
        {failuresOnly ? (
          <Link href={query(false)} className="underline">
            Show every attempt
          </Link>
        ) : (
          <Link href={query(true)} className="underline">
            Show failures only
          </Link>
        )}
        {subscriptionId ? " · one subscriber" : ""}
      </p>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-zinc-200 dark:border-zinc-800">
            <tr>
              <th scope="col" className={cell}>When (UTC)</th>
              <th scope="col" className={cell}>Event</th>
              <th scope="col" className={cell}>Recipient</th>
              <th scope="col" className={cell}>Status</th>
              <th scope="col" className={cell}>Latency</th>
              <th scope="col" className={cell}>Error</th>
              <th scope="col" className={cell}>Delivery</th>
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td className={cell} colSpan={7}>
                  No attempts yet.
                </td>
              </tr>
            ) : null}
            {rows.map((r) => (
              <tr key={r.attemptId} data-testid="delivery-row" className="border-b border-zinc-100 dark:border-zinc-900">
                <td className={cell}>{r.at.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td className={cell}>
                  {r.eventType}
                  <code className="block text-xs">{r.messageId}</code>
                </td>
                <td className={`${cell} break-all`}>{r.target}</td>
                <td className={cell}>{r.statusCode ?? "–"}</td>
                <td className={cell}>{r.latencyMs} ms</td>
                <td className={cell}>{r.error ?? ""}</td>
                <td className={cell}>
                  {r.deliveryState}, {r.attempts} {r.attempts === 1 ? "attempt" : "attempts"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
