import type { Metadata } from "next";
import Link from "next/link";
import { IMPACT_TEXT, INCIDENT_STATUS_LABELS } from "@/components/incidents/labels";
import { LocalTime } from "@/components/status/local-time";
import { historyPage } from "@/server/public/history";
import { formatPosted } from "@/server/public/time";
import { getPublicView } from "@/server/public/view";

// GET /history?page=N: published incidents by month, three months a page.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { snapshot } = await getPublicView();
  return { title: `Incident history · ${snapshot.page.name}` };
}

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { snapshot } = await getPublicView();
  const raw = (await searchParams).page;
  const tz = snapshot.page.timeZone;
  const history = historyPage(snapshot.incidents, tz, new Date(snapshot.generatedAt), Number(Array.isArray(raw) ? raw[0] : (raw ?? 1)));
  return (
    <main className="space-y-8">
      <h1 className="text-2xl font-bold">Incident history</h1>
      {history.months.map((month) => (
        <section key={month.key} aria-labelledby={`m-${month.key}`} className="space-y-3" data-testid="history-month" data-month={month.key}>
          <h2 id={`m-${month.key}`} className="border-b border-zinc-200 pb-1 text-lg font-semibold dark:border-zinc-800">
            {month.label}
          </h2>
          {month.incidents.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">No incidents reported for this month.</p> : null}
          <ul className="space-y-3">
            {month.incidents.map((i) => (
              <li key={i.id}>
                <Link href={`/incidents/${i.id}`} className={`font-semibold hover:underline ${IMPACT_TEXT[i.impact]}`}>
                  {i.name}
                </Link>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">
                  {INCIDENT_STATUS_LABELS[i.status]} · <LocalTime iso={i.startedAt} serverText={formatPosted(i.startedAt, tz)} />
                  {i.resolvedAt ? (
                    <>
                      {" to "}
                      <LocalTime iso={i.resolvedAt} serverText={formatPosted(i.resolvedAt, tz)} />
                    </>
                  ) : null}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <nav aria-label="History pages" className="flex justify-between text-sm">
        {history.hasNewer ? (
          <Link href={history.page === 2 ? "/history" : `/history?page=${history.page - 1}`} className="underline" rel="prev">
            ← Newer
          </Link>
        ) : (
          <span />
        )}
        {history.hasOlder ? (
          <Link href={`/history?page=${history.page + 1}`} className="underline" rel="next">
            Older →
          </Link>
        ) : null}
      </nav>
    </main>
  );
}
