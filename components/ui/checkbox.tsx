import type { InputHTMLAttributes } from "react";

/** A checkbox with its label beside it, large enough to hit on a phone. */
export function Checkbox({ label, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string }) {
  return (
    <label className="flex min-h-10 items-start gap-3 text-sm">
      <input type="checkbox" className="mt-1 size-4 shrink-0" {...input} />
      <span>
        {label}
        {hint ? <span className="block text-xs text-zinc-600 dark:text-zinc-400">{hint}</span> : null}
      </span>
    </label>
  );
}
