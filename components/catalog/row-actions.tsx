"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/action-result";

export interface RowAction {
  label: string;
  /** What a screen reader hears, e.g. "Move Search up". */
  ariaLabel: string;
  run: () => Promise<ActionResult<unknown>>;
  disabled?: boolean;
  confirm?: string;
  variant?: "secondary" | "danger";
}

/** Buttons for one row (move, archive, restore): plain buttons, so they work by keyboard and on a phone. */
export function RowActions({ actions }: { actions: RowAction[] }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  return (
    <div className="space-y-1">
      <div className="flex flex-wrap gap-2">
        {actions.map((a) => (
          <Button
            key={a.label}
            type="button"
            variant={a.variant ?? "secondary"}
            aria-label={a.ariaLabel}
            disabled={pending || a.disabled}
            className="min-w-10 px-3"
            onClick={() => {
              if (a.confirm && !window.confirm(a.confirm)) return;
              start(async () => setResult(await a.run()));
            }}
          >
            {a.label}
          </Button>
        ))}
      </div>
      {result && !result.ok ? <FormStatus result={result} /> : null}
    </div>
  );
}
