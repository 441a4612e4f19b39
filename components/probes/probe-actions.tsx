"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { deleteProbeAction, runProbeOnceAction } from "@/server/probes/actions";
import type { CheckResult } from "@/server/probes/schema";

/** "Run once" (shows the result, stores nothing) and delete, for one probe. */
export function ProbeActions({ id, name, canRun }: { id: string; name: string; canRun: boolean }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const show = (r: CheckResult) =>
    `${r.outcome.toUpperCase()}${r.statusCode !== null ? ` · HTTP ${r.statusCode}` : ""}${r.latencyMs !== null ? ` · ${Math.round(r.latencyMs)} ms` : ""}${r.error ? ` · ${r.error}` : ""}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canRun ? (
        <Button
          variant="secondary"
          disabled={pending}
          aria-label={`Run ${name} once`}
          onClick={() =>
            start(async () => {
              setMessage("Running…");
              const r = await runProbeOnceAction(id);
              setMessage(r.ok ? show(r.data) : r.error.message);
            })
          }
        >
          Run once
        </Button>
      ) : null}
      <Button
        variant="danger"
        disabled={pending}
        aria-label={`Delete ${name}`}
        onClick={() => {
          if (!window.confirm(`Delete the probe "${name}" and its results?`)) return;
          start(async () => {
            const r = await deleteProbeAction(id);
            if (!r.ok) setMessage(r.error.message);
          });
        }}
      >
        Delete
      </Button>
      <output aria-live="polite" className="text-sm" data-testid={`run-result-${id}`}>
        {message}
      </output>
    </div>
  );
}
