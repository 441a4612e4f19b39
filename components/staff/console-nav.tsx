import Link from "next/link";
import { can, type Permission, type Role } from "@/server/auth/permissions";

// The console's sections, each shown only to roles that may use it (the pages check again).
export const CONSOLE_SECTIONS: { href: string; label: string; permission: Permission }[] = [
  { href: "/console", label: "Overview", permission: "console.view" },
  { href: "/console/incidents", label: "Incidents", permission: "console.view" },
  { href: "/console/status", label: "Status", permission: "console.view" },
  { href: "/console/maintenance", label: "Maintenance", permission: "maintenance.manage" },
  { href: "/console/components", label: "Components", permission: "component.manage" },
  { href: "/console/probes", label: "Probes", permission: "probe.manage" },
  { href: "/console/settings", label: "Page settings", permission: "page.manage" },
  { href: "/console/users", label: "Users", permission: "user.manage" },
  { href: "/console/subscribers", label: "Subscribers", permission: "subscriber.manage" },
  { href: "/console/audit", label: "Audit log", permission: "audit.read" },
  { href: "/console/account", label: "Account", permission: "console.view" },
];

export function ConsoleNav({ roles }: { roles: Role[] }) {
  return (
    <nav aria-label="Console" className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 whitespace-nowrap text-sm">
        {CONSOLE_SECTIONS.filter((s) => can(roles, s.permission)).map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block rounded-md px-3 py-2 hover:bg-zinc-100 dark:hover:bg-zinc-800">
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
