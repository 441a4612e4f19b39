// Calls a Next.js route handler directly, the way the server would, for integration tests.
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export async function call(
  handler: Handler,
  init: { method?: string; path?: string; token?: string; body?: unknown; params?: Record<string, string> } = {},
): Promise<{ status: number; json: unknown }> {
  const headers = new Headers({ "content-type": "application/json" });
  if (init.token) headers.set("authorization", `Bearer ${init.token}`);
  const request = new Request(`http://localhost${init.path ?? "/"}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const response = await handler(request, { params: Promise.resolve(init.params ?? {}) });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : null };
}
