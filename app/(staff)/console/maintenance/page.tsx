import type { Metadata } from "next";
import { MaintenanceForm } from "@/components/maintenance/maintenance-form";
import { WindowList } from "@/components/maintenance/window-summary";
import { requireStaffPage } from "@/server/auth/session";
import { listActiveComponents } from "@/server/components/admin/data";
import { scheduleMaintenanceAction } from "@/server/maintenance/actions";
import { listMaintenances } from "@/server/maintenance/data";
import { suggestedWindow } from "@/server/maintenance/time";
import { getPageSettings } from "@/server/page/data";

export const metadata: Metadata = { title: "Maintenance" };

export default async function MaintenancePage() {
  await requireStaffPage("maintenance.manage", "/console/maintenance");
  const [{ timeZone }, active, upcoming, past, components] = await Promise.all([
    getPageSettings(),
    listMaintenances("active"),
    listMaintenances("upcoming"),
    listMaintenances("past"),
    listActiveComponents(),
  ]);
  return (
    <div className="space-y-8">
      <h1 className="text-xl font-bold">Scheduled maintenance</h1>
      <WindowList title="In progress" windows={active} timeZone={timeZone} empty="No maintenance is running." />
      <WindowList title="Upcoming" windows={upcoming} timeZone={timeZone} empty="Nothing scheduled." />
      <section aria-labelledby="schedule" className="max-w-2xl space-y-3">
        <h2 id="schedule" className="text-lg font-semibold">
          Schedule maintenance
        </h2>
        <MaintenanceForm
          action={scheduleMaintenanceAction}
          components={components}
          timeZone={timeZone}
          submitLabel="Schedule maintenance"
          values={{
            name: "",
            body: "",
            ...suggestedWindow(timeZone),
            componentIds: [],
            autoStart: true,
            autoComplete: true,
          }}
        />
      </section>
      <WindowList title="Past" windows={past} timeZone={timeZone} empty="No maintenance yet." />
    </div>
  );
}
