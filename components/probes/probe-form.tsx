"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Field } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { Select } from "@/components/ui/select";
import { TextArea } from "@/components/ui/text-area";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/action-result";
import { HTTP_METHODS, PROBE_KINDS, type ProbeKind } from "@/server/probes/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<{ id: string; pushToken: string | null }>>;

/** Creates a probe: HTTP(S), TCP connect, or push (the secret URL is shown once). */
export function ProbeForm({
  action,
  components,
  locations,
}: {
  action: FormAction;
  components: { id: string; name: string }[];
  locations: { id: string; name: string; builtin: boolean }[];
}) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { resetOnSuccess: true });
  const [kind, setKind] = useState<ProbeKind>("http");
  const configErrors = errors("config");
  const pushToken = result?.ok ? result.data.pushToken : null;
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label="Add a probe">
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id="probe-kind" label="Type" name="kind" value={kind} onChange={(e) => setKind(e.target.value as ProbeKind)} options={PROBE_KINDS.map((k) => ({ value: k, label: k === "http" ? "HTTP(S)" : k === "tcp" ? "TCP connect" : "Push (heartbeat URL)" }))} />
        <Select id="probe-component" label="Component" name="componentId" errors={errors("componentId")} options={components.map((c) => ({ value: c.id, label: c.name }))} />
        <Field id="probe-name" label="Name" name="name" required maxLength={120} errors={errors("name")} />
        <Field id="probe-interval" label="Interval (seconds)" name="intervalSeconds" type="number" min={10} defaultValue={60} required errors={errors("intervalSeconds")} />
        <Field id="probe-timeout" label="Timeout (ms)" name="timeoutMs" type="number" min={100} max={60000} defaultValue={10000} required errors={errors("timeoutMs")} />
        <Field id="probe-slow" label="Slow above (ms)" name="degradedThresholdMs" type="number" min={1} errors={errors("degradedThresholdMs")} hint="Slower is degraded performance, not down. Empty: no threshold." />
        <Field id="probe-fail" label="Failures in a row to go down" name="failThreshold" type="number" min={1} max={10} defaultValue={2} errors={errors("failThreshold")} />
        <Field id="probe-recover" label="Successes in a row to come back" name="recoverThreshold" type="number" min={1} max={10} defaultValue={2} errors={errors("recoverThreshold")} />
      </div>
      {kind === "http" ? (
        <fieldset className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">HTTP(S) check</legend>
          <Field id="probe-url" label="URL" name="url" type="url" required placeholder="https://" errors={configErrors} />
          <Select id="probe-method" label="Method" name="method" options={HTTP_METHODS.map((m) => ({ value: m, label: m }))} />
          <TextArea id="probe-headers" label="Headers" name="headers" rows={2} hint="One 'Name: value' per line." />
          <TextArea id="probe-body" label="Request body" name="body" rows={2} />
          <Field id="probe-expected" label="Expected status codes" name="expectedStatus" placeholder="200, 204" hint="Empty: any 2xx." />
          <Field id="probe-contains" label="Body contains" name="bodyContains" />
          <Field id="probe-jsonpath" label="JSON path" name="jsonPathPath" placeholder="status.db" />
          <Select id="probe-jsonop" label="JSON condition" name="jsonPathOp" options={["equals", "not_equals", "contains", "exists"].map((o) => ({ value: o, label: o.replace("_", " ") }))} />
          <Field id="probe-jsonvalue" label="JSON value" name="jsonPathValue" />
          <Field id="probe-cert" label="Warn when the certificate expires within (days)" name="certExpiryWarnDays" type="number" min={1} max={365} />
          <Checkbox id="probe-redirects" name="followRedirects" label="Follow redirects" defaultChecked />
        </fieldset>
      ) : null}
      {kind === "tcp" ? (
        <fieldset className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">TCP connect</legend>
          <Field id="probe-host" label="Host" name="host" required errors={configErrors} />
          <Field id="probe-port" label="Port" name="port" type="number" min={1} max={65535} required />
        </fieldset>
      ) : null}
      {kind !== "push" ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Runs from</legend>
          {locations.map((l) => (
            <Checkbox key={l.id} id={`probe-loc-${l.id}`} name="locationIds" value={l.id} label={l.builtin ? `${l.name} (built-in)` : l.name} defaultChecked={l.builtin} />
          ))}
          <p className="text-sm text-red-700 dark:text-red-400" aria-live="polite">{errors("locationIds")?.join(" ")}</p>
        </fieldset>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">A push probe fails when its URL is not called within the interval (plus the timeout as grace).</p>
      )}
      <Checkbox id="probe-enabled" name="enabled" label="Enabled" defaultChecked />
      <FormStatus result={result} success="Probe added." />
      {pushToken ? (
        <p className="text-sm" data-testid="push-url">
          Push URL (shown once): <code className="break-all">/api/push/{pushToken}</code>
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        Add probe
      </Button>
    </form>
  );
}
