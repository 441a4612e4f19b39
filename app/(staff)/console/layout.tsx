import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CadenceReminder } from "@/components/incident-console/cadence-reminder";
import { ConsoleNav } from "@/components/staff/console-nav";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { ROLE_LABELS } from "@/server/auth/permissions";
import { getStaffContext } from "@/server/auth/session";
import { listDueForCommsLead } from "@/server/incidents/data";

export const metadata: Metadata = { title: { default: "Console", template: "%s · Console" }, robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  // Each page checks its own permission (and sends strangers to sign in, back to that very page);
  // the layout only draws the frame for someone signed in.
  const context = await getStaffContext();
  if (!context) return children;
  const { user } = context;
  const due = user.roles.includes("communicator") ? await listDueForCommsLead(user.id) : [];
  return (
    <div className="min-h-screen">
      <header className="border-b border-zinc-200 dark:border-zinc-800">
        <div className="mx-auto max-w-5xl space-y-2 px-4 py-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <Link href="/console" className="font-semibold">
              Status console
            </Link>
            <div className="flex items-center gap-3 text-sm">
              <span data-testid="signed-in-as">
                {user.name} <span className="text-zinc-600 dark:text-zinc-400">({user.roles.map((r) => ROLE_LABELS[r]).join(", ")})</span>
              </span>
              <SignOutButton />
            </div>
          </div>
          <ConsoleNav roles={user.roles} />
        </div>
      </header>
      <CadenceReminder incidents={due.map((i) => ({ id: i.id, name: i.name, dueAt: i.nextUpdateDueAt ?? "" }))} serverNow={new Date().toISOString()} />
      <main className="mx-auto max-w-5xl px-4 py-6">{children}</main>
    </div>
  );
}
