import type { Metadata } from "next";
import { CatalogAdmin } from "@/components/catalog/catalog-admin";
import { requireStaffPage } from "@/server/auth/session";
import { getCatalog } from "@/server/components/admin/data";

export const metadata: Metadata = { title: "Components" };

export default async function ComponentsPage() {
  await requireStaffPage("component.manage", "/console/components");
  const catalog = await getCatalog();
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-xl font-bold">Components and groups</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">What the public page lists, in this order. Owner, contacts and runbook stay in the console.</p>
      </div>
      <CatalogAdmin catalog={catalog} />
    </div>
  );
}
