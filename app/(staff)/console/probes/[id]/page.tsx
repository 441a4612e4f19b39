import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ProbeForm } from "@/components/probes/probe-form";
import { requireStaffPage } from "@/server/auth/session";
import { listActiveComponents } from "@/server/components/admin/data";
import { updateProbeAction } from "@/server/probes/actions";
import { getProbe, listLocations } from "@/server/probes/data";

export const metadata: Metadata = { title: "Edit probe" };

export default async function EditProbePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await requireStaffPage("probe.manage", `/console/probes/${id}`);
  const [probe, locations, components] = await Promise.all([getProbe(id), listLocations(), listActiveComponents()]);
  if (!probe) notFound();
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <Link className="underline" href="/console/probes">
          All probes
        </Link>
      </p>
      <h1 className="text-xl font-bold">{probe.name}</h1>
      <ProbeForm action={updateProbeAction.bind(null, id)} components={components} locations={locations} probe={probe} />
    </div>
  );
}
