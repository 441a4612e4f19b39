"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useFormAction } from "@/components/ui/use-form-action";
import { TextArea } from "@/components/ui/text-area";
import { updatePageSettingsAction } from "@/server/page/actions";
import type { PageSettingsView } from "@/server/page/schema";

export function PageSettingsForm({ settings, timeZones }: { settings: PageSettingsView; timeZones: string[] }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(updatePageSettingsAction);
  const [linkCount, setLinkCount] = useState(Math.max(settings.footerLinks.length + 1, 2));
  const [color, setColor] = useState(settings.brandColor);
  return (
    <form ref={formRef} onSubmit={onSubmit} className="max-w-xl space-y-4">
      <Field label="Page name" name="name" required maxLength={120} defaultValue={settings.name} errors={errors("name")} />
      <Field label="Public URL" name="url" type="url" required defaultValue={settings.url} errors={errors("url")} hint="Where the page is published; used in links, feeds and the API." />
      <Field
        label="Time zone"
        name="timeZone"
        required
        list="time-zones"
        defaultValue={settings.timeZone}
        errors={errors("timeZone")}
        hint="IANA name, e.g. Europe/Berlin. The page and the console show times in it."
        autoComplete="off"
      />
      <datalist id="time-zones">
        {timeZones.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      <TextArea label="Description" name="description" maxLength={500} defaultValue={settings.description ?? ""} errors={errors("description")} />
      <Field label="Logo URL" name="logoUrl" type="url" placeholder="https://" defaultValue={settings.logoUrl ?? ""} errors={errors("logoUrl")} />
      <div className="flex items-end gap-3">
        <div className="flex-1">
          <Field label="Brand colour" name="brandColor" required pattern="#[0-9a-fA-F]{6}" value={color} onChange={(e) => setColor(e.target.value)} errors={errors("brandColor")} hint="As #rrggbb." />
        </div>
        <input type="color" aria-label="Pick the brand colour" value={/^#[0-9a-fA-F]{6}$/.test(color) ? color : "#000000"} onChange={(e) => setColor(e.target.value)} className="mb-6 h-10 w-14 rounded border border-zinc-300 dark:border-zinc-700" />
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Footer links</legend>
        {Array.from({ length: linkCount }, (_, i) => {
          const link = settings.footerLinks[i];
          return (
            <div key={i} className="grid gap-2 sm:grid-cols-2" data-testid="footer-link">
              <Field id={`footerLabel-${i}`} label={`Link ${i + 1} label`} name="footerLabel" maxLength={60} defaultValue={link?.label ?? ""} />
              <Field id={`footerUrl-${i}`} label={`Link ${i + 1} address`} name="footerUrl" type="url" placeholder="https://" defaultValue={link?.url ?? ""} />
            </div>
          );
        })}
        <p className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
          {errors("footerLinks")?.join(" ")}
        </p>
        {linkCount < 10 ? (
          <Button type="button" variant="secondary" onClick={() => setLinkCount((n) => Math.min(10, n + 1))}>
            Add another link
          </Button>
        ) : null}
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Leave both fields of a row empty to remove that link.</p>
      </fieldset>
      <FormStatus result={result} success="Settings saved. The public page shows them within seconds." />
      <Button type="submit" disabled={pending}>
        Save settings
      </Button>
    </form>
  );
}
