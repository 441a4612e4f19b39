"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { setSubscriberEnabledAction } from "@/server/subscribers/actions";

/** Console: turn a subscriber off, or back on. */
export function SubscriberToggle({ id, enabled }: { id: string; enabled: boolean }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <div>
      <Button
        variant={enabled ? "secondary" : "primary"}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await setSubscriberEnabledAction(id, !enabled);
            setError(result.ok ? null : result.error.message);
          })
        }
      >
        {enabled ? "Turn off" : "Turn on"}
      </Button>
      <p aria-live="polite" className="text-xs text-red-700 dark:text-red-400">
        {error}
      </p>
    </div>
  );
}
