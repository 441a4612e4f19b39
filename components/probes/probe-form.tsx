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
import { HTTP_METHODS, PROBE_KINDS, type ProbeKind, type ProbeView } from "@/server/probes/schema";

type FormAction = (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;

const text = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

function pushTokenOf(result: ActionResult<unknown> | null): string | null {
  if (!result?.ok || typeof result.data !== "object" || result.data === null || !("pushToken" in result.data)) return null;
  return typeof result.data.pushToken === "string" ? result.data.pushToken : null;
}

/** Creates a probe (HTTP(S), TCP connect, or push: the secret URL is shown once) or edits one. */
export function ProbeForm({
  action,
  components,
  locations,
  probe,
}: {
  action: FormAction;
  components: { id: string; name: string }[];
  locations: { id: string; name: string; builtin: boolean }[];
  probe?: ProbeView;
}) {
  const { result, pending, formRef, onSubmit, errors } = useFormAction(action, { resetOnSuccess: !probe });
  const [kind, setKind] = useState<ProbeKind>(probe?.kind ?? "http");
  const configErrors = errors("config");
  const pushToken = pushTokenOf(result);
  const c = probe?.config ?? {};
  const headers = c.headers && typeof c.headers === "object" ? Object.entries(c.headers as Record<string, string>).map(([k, v]) => `${k}: ${v}`).join("\n") : "";
  const jsonPath: Record<string, unknown> | null = c.jsonPath !== null && typeof c.jsonPath === "object" ? { ...c.jsonPath } : null;
  const label = probe ? "Save probe" : "Add probe";
  const assigned = new Set(probe?.locations.map((l) => l.locationId));
  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-3" aria-label={probe ? "Edit probe" : "Add a probe"}>
      <div className="grid gap-3 sm:grid-cols-2">
        {probe ? (
          <p className="text-sm">
            Type: {probe.kind.toUpperCase()} <input type="hidden" name="kind" value={probe.kind} />
          </p>
        ) : (
          <Select id="probe-kind" label="Type" name="kind" value={kind} onChange={(e) => setKind(e.target.value as ProbeKind)} options={PROBE_KINDS.map((k) => ({ value: k, label: k === "http" ? "HTTP(S)" : k === "tcp" ? "TCP connect" : "Push (heartbeat URL)" }))} />
        )}
        <Select id="probe-component" label="Component" name="componentId" defaultValue={probe?.componentId} errors={errors("componentId")} options={components.map((x) => ({ value: x.id, label: x.name }))} />
        <Field id="probe-name" label="Name" name="name" required maxLength={120} defaultValue={probe?.name} errors={errors("name")} />
        <Field id="probe-interval" label="Interval (seconds)" name="intervalSeconds" type="number" min={10} defaultValue={probe?.intervalSeconds ?? 60} required errors={errors("intervalSeconds")} />
        <Field id="probe-timeout" label="Timeout (ms)" name="timeoutMs" type="number" min={100} max={60000} defaultValue={probe?.timeoutMs ?? 10000} required errors={errors("timeoutMs")} />
        <Field id="probe-slow" label="Slow above (ms)" name="degradedThresholdMs" type="number" min={1} defaultValue={probe?.degradedThresholdMs ?? ""} errors={errors("degradedThresholdMs")} hint="Slower is degraded performance, not down. Empty: no threshold." />
        <Field id="probe-fail" label="Failures in a row to go down" name="failThreshold" type="number" min={1} max={10} defaultValue={probe?.failThreshold ?? 2} errors={errors("failThreshold")} />
        <Field id="probe-recover" label="Successes in a row to come back" name="recoverThreshold" type="number" min={1} max={10} defaultValue={probe?.recoverThreshold ?? 2} errors={errors("recoverThreshold")} />
      </div>
      {kind === "http" ? (
        <fieldset className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">HTTP(S) check</legend>
          <Field id="probe-url" label="URL" name="url" type="url" required placeholder="https://" defaultValue={text(c.url)} errors={configErrors} />
          <Select id="probe-method" label="Method" name="method" defaultValue={text(c.method) || "GET"} options={HTTP_METHODS.map((m) => ({ value: m, label: m }))} />
          <TextArea id="probe-headers" label="Headers" name="headers" rows={2} defaultValue={headers} hint="One 'Name: value' per line." />
          <TextArea id="probe-body" label="Request body" name="body" rows={2} defaultValue={text(c.body)} />
          <Field id="probe-expected" label="Expected status codes" name="expectedStatus" placeholder="200, 204" defaultValue={Array.isArray(c.expectedStatus) ? c.expectedStatus.join(", ") : ""} hint="Empty: any 2xx." />
          <Field id="probe-contains" label="Body contains" name="bodyContains" defaultValue={text(c.bodyContains)} />
          <Field id="probe-jsonpath" label="JSON path" name="jsonPathPath" placeholder="status.db" defaultValue={text(jsonPath?.path)} />
          <Select id="probe-jsonop" label="JSON condition" name="jsonPathOp" defaultValue={text(jsonPath?.op) || "equals"} options={["equals", "not_equals", "contains", "exists"].map((o) => ({ value: o, label: o.replace("_", " ") }))} />
          <Field id="probe-jsonvalue" label="JSON value" name="jsonPathValue" defaultValue={text(jsonPath?.value)} />
          <Field id="probe-cert" label="Warn when the certificate expires within (days)" name="certExpiryWarnDays" type="number" min={1} max={365} defaultValue={text(c.certExpiryWarnDays)} />
          <Checkbox id="probe-redirects" name="followRedirects" label="Follow redirects" defaultChecked={c.followRedirects !== false} />
        </fieldset>
      ) : null}
      {kind === "tcp" ? (
        <fieldset className="grid gap-3 rounded-md border border-zinc-200 p-3 sm:grid-cols-2 dark:border-zinc-800">
          <legend className="px-1 text-sm font-medium">TCP connect</legend>
          <Field id="probe-host" label="Host" name="host" required defaultValue={text(c.host)} errors={configErrors} />
          <Field id="probe-port" label="Port" name="port" type="number" min={1} max={65535} required defaultValue={text(c.port)} />
        </fieldset>
      ) : null}
      {kind !== "push" ? (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Runs from</legend>
          {locations.map((l) => (
            <Checkbox key={l.id} id={`probe-loc-${l.id}`} name="locationIds" value={l.id} label={l.builtin ? `${l.name} (built-in)` : l.name} defaultChecked={probe ? assigned.has(l.id) : l.builtin} />
          ))}
          <p className="text-sm text-red-700 dark:text-red-400" aria-live="polite">{errors("locationIds")?.join(" ")}</p>
        </fieldset>
      ) : (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">A push probe fails when its URL is not called within the interval (plus the timeout as grace).</p>
      )}
      <Checkbox id="probe-enabled" name="enabled" label="Enabled" defaultChecked={probe?.enabled ?? true} />
      <FormStatus result={result} success={probe ? "Saved." : "Probe added."} />
      {pushToken ? (
        <p className="text-sm" data-testid="push-url">
          Push URL (shown once): <code className="break-all">/api/push/{pushToken}</code>
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
