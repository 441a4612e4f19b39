"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { TextArea } from "@/components/ui/text-area";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
interface Item {
  key: number;
  title: string;
  owner: string;
  done: boolean;
}

const input = "block min-h-10 w-full min-w-0 rounded-md border border-zinc-300 bg-white px-3 text-sm dark:border-zinc-700 dark:bg-zinc-900";

/** The postmortem write-up and its action items (owner and done flag), saved together. */
export function PostmortemForm({ action, body, items, canSave }: { action: FormAction; body: string; items: { title: string; owner: string | null; done: boolean }[]; canSave: boolean }) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action);
  const [rows, setRows] = useState<Item[]>(() => items.map((i, key) => ({ key, title: i.title, owner: i.owner ?? "", done: i.done })));
  const set = (key: number, patch: Partial<Item>) => setRows((r) => r.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  const payload = JSON.stringify(rows.filter((r) => r.title.trim()).map((r) => ({ title: r.title, owner: r.owner || undefined, done: r.done })));
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label="Postmortem">
      <TextArea id="postmortem-body" label="Postmortem (Markdown; public once published)" name="body" rows={8} maxLength={50_000} defaultValue={body} errors={errors("body")} disabled={!canSave} />
      <input type="hidden" name="actionItems" value={payload} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Action items</legend>
        {rows.map((r, n) => (
          <div key={r.key} data-testid="action-item" className="grid gap-2 rounded-md border border-zinc-200 p-2 sm:grid-cols-[1fr_12rem_auto_auto] dark:border-zinc-800">
            <input aria-label={`Action item ${n + 1}`} className={input} value={r.title} onChange={(e) => set(r.key, { title: e.target.value })} disabled={!canSave} />
            <input aria-label={`Owner of action item ${n + 1}`} placeholder="Owner" className={input} value={r.owner} onChange={(e) => set(r.key, { owner: e.target.value })} disabled={!canSave} />
            <label className="flex min-h-10 items-center gap-2 text-sm">
              <input type="checkbox" className="size-4" checked={r.done} onChange={(e) => set(r.key, { done: e.target.checked })} disabled={!canSave} /> Done
            </label>
            {canSave ? (
              <Button type="button" variant="secondary" onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}>
                Remove
              </Button>
            ) : null}
          </div>
        ))}
        <p className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
          {errors("actionItems")?.join(" ")}
        </p>
        {canSave ? (
          <Button type="button" variant="secondary" onClick={() => setRows((all) => [...all, { key: Math.max(-1, ...all.map((x) => x.key)) + 1, title: "", owner: "", done: false }])}>
            Add action item
          </Button>
        ) : null}
      </fieldset>
      <FormStatus result={result} success="Postmortem saved." />
      {canSave ? (
        <Button type="submit" disabled={pending}>
          Save postmortem
        </Button>
      ) : null}
    </form>
  );
}

/** Publishes the saved postmortem (communicators). */
export function PublishPostmortemButton({ action }: { action: () => Promise<ActionResult<unknown>> }) {
  const { result, pending, onSubmit } = useFormAction(async () => action());
  return (
    <form onSubmit={onSubmit} aria-label="Publish the postmortem" className="space-y-2">
      <FormStatus result={result} success="Postmortem published." />
      <Button type="submit" disabled={pending}>
        Publish postmortem
      </Button>
    </form>
  );
}
