import type { Metadata } from "next";
import { ComponentList } from "@/components/status/component-list";
import { StatusBanner } from "@/components/status/status-banner";
import { getPublicStatusView } from "@/server/public/data";

// GET /: the public status page, rendered on the server so it reads fine without JavaScript.
export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const view = await getPublicStatusView();
  return { title: `${view.page.name}: ${view.status.description}`, description: view.page.description ?? undefined };
}

export default async function StatusPage() {
  const view = await getPublicStatusView();
  return (
    <main className="mx-auto max-w-3xl space-y-8 px-4 py-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{view.page.name}</h1>
        {view.page.description ? <p className="text-zinc-600 dark:text-zinc-400">{view.page.description}</p> : null}
      </header>
      <StatusBanner status={view.status} />
      <ComponentList groups={view.groups} components={view.components} />
      <footer className="flex flex-wrap gap-4 border-t border-zinc-200 pt-4 text-sm text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
        {view.page.footerLinks.map((link) => (
          <a key={link.url} href={link.url} className="underline hover:no-underline">
            {link.label}
          </a>
        ))}
      </footer>
    </main>
  );
}
