import Link from "next/link";

/** The page header's way to subscribe (feeds, webhooks, email). */
export function SubscribeLink() {
  return (
    <Link
      href="/subscribe"
      className="inline-flex min-h-10 items-center rounded-md border border-zinc-300 px-3 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
    >
      Subscribe to updates
    </Link>
  );
}
