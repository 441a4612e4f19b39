import type { Metadata } from "next";
import { PageSettingsForm } from "@/components/settings/page-settings-form";
import { requireStaffPage } from "@/server/auth/session";
import { getPageSettings } from "@/server/page/data";

export const metadata: Metadata = { title: "Page settings" };

export default async function SettingsPage() {
  await requireStaffPage("page.manage", "/console/settings");
  const settings = await getPageSettings();
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-bold">Page settings</h1>
      <PageSettingsForm settings={settings} timeZones={Intl.supportedValuesOf("timeZone")} />
    </div>
  );
}
