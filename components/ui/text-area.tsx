import type { TextareaHTMLAttributes } from "react";

/** A labelled multi-line input with its field errors announced to screen readers. */
export function TextArea({
  label,
  name,
  errors,
  hint,
  ...input
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; name: string; errors?: string[]; hint?: string }) {
  const id = input.id ?? name;
  const errorId = `${id}-error`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p> : null}
      <textarea
        id={id}
        name={name}
        rows={3}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        {...input}
      />
      <p id={errorId} className="text-sm text-red-700 dark:text-red-400" aria-live="polite">
        {errors?.join(" ")}
      </p>
    </div>
  );
}
