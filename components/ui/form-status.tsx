import type { ActionResult } from "@/lib/action-result";

/** The outcome of a form's last submission, announced politely. */
export function FormStatus({ result, success }: { result: ActionResult<unknown> | null; success?: string }) {
  return (
    <p role="status" aria-live="polite" className="text-sm">
      {result && !result.ok ? <span className="text-red-700 dark:text-red-400">{result.error.message}</span> : null}
      {result?.ok && success ? <span className="text-green-700 dark:text-green-400">{success}</span> : null}
    </p>
  );
}

export function fieldErrors(result: ActionResult<unknown> | null, name: string): string[] | undefined {
  return result && !result.ok ? result.error.fieldErrors?.[name] : undefined;
}
