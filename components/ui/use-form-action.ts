"use client";

import { useActionState, useEffect, useRef, startTransition, type FormEvent } from "react";
import { fieldErrors } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/action-result";

type FormAction<T> = (prev: unknown, form: FormData) => Promise<ActionResult<T>>;

/**
 * Runs a server action from a form and keeps what the user typed when it is refused. (A plain
 * `<form action>` is reset by React after every submission, errors included, which would lose a
 * carefully written maintenance notice to a typo in a date.) With `resetOnSuccess` the form clears
 * after it worked, for "add" forms.
 */
export function useFormAction<T>(action: FormAction<T>, options: { resetOnSuccess?: boolean } = {}) {
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  const { resetOnSuccess = false } = options;
  useEffect(() => {
    if (result?.ok && resetOnSuccess) formRef.current?.reset();
  }, [result, resetOnSuccess]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The button that submitted it counts (a form may offer "Save" and "Publish").
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { result, pending, formRef, onSubmit, errors: (name: string) => fieldErrors(result, name) };
}
