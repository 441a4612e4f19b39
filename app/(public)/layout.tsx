import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SubscribeLink } from "@/components/subscribers/subscribe-link";
import { feedPath } from "@/server/public/feeds";
import { getPublicView } from "@/server/public/view";

/** Feed readers find the history feeds through these <link rel="alternate"> tags. */
export async function generateMetadata(): Promise<Metadata> {
  const { snapshot } = await getPublicView();
  const base = snapshot.page.url.replace(/\/+$/, "");
  const title = `${snapshot.page.name} status history`;
  return {
    alternates: {
      types: {
        "application/rss+xml": [{ url: `${base}${feedPath("rss")}`, title }],
        "application/atom+xml": [{ url: `${base}${feedPath("atom")}`, title }],
      },
    },
  };
}

// The public frame: page name and logo, then the page, then footer links. Everything public renders
// from the in-memory snapshot; no public request reads the database.
export default async function PublicLayout({ children }: { children: ReactNode }) {
  const { snapshot } = await getPublicView();
  const page = snapshot.page;
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <header className="mb-8 flex flex-wrap items-center justify-between gap-4">
        <Link href="/" className="flex items-center gap-3">
          {page.logoUrl ? (
            <img src={page.logoUrl} alt="" className="h-8 w-auto" />
          ) : null}
          <span className="text-2xl font-bold">{page.name}</span>
        </Link>
        <SubscribeLink />
      </header>
      {children}
      <footer className="mt-12 flex flex-wrap gap-x-4 gap-y-2 border-t border-zinc-200 pt-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        {page.footerLinks.map((link) => (
          <a key={link.url} href={link.url} className="underline hover:no-underline">
            {link.label}
          </a>
        ))}
        <Link href="/history" className="underline hover:no-underline">
          History
        </Link>
        <a href="/api/v2/summary.json" className="underline hover:no-underline">
          API
        </a>
      </footer>
    </div>
  );
}
