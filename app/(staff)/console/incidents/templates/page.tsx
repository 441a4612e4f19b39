import type { Metadata } from "next";
import Link from "next/link";
import { TemplateForm } from "@/components/incident-console/template-form";
import { requireStaffPage } from "@/server/auth/session";
import { createTemplateAction, updateTemplateAction } from "@/server/incidents/actions";
import { listTemplates } from "@/server/incidents/data";

export const metadata: Metadata = { title: "Incident templates" };

export default async function TemplatesPage() {
  await requireStaffPage("template.manage", "/console/incidents/templates");
  const templates = await listTemplates();
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href="/console/incidents" className="inline-block py-2 underline">
          ← Incidents
        </Link>
      </p>
      <h1 className="text-xl font-bold">Templates</h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Starting points for new incidents and public updates.</p>
      {templates.map((t) => (
        <section key={t.id} data-testid="template" className="rounded-md border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800">
          <TemplateForm action={updateTemplateAction.bind(null, t.id)} template={t} />
        </section>
      ))}
      <section aria-labelledby="add-template" className="space-y-3 rounded-md border border-zinc-200 p-3 sm:p-4 dark:border-zinc-800">
        <h2 id="add-template" className="font-semibold">
          Add a template
        </h2>
        <TemplateForm action={createTemplateAction} />
      </section>
    </div>
  );
}
