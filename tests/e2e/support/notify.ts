// Ports of the notification receivers the end-to-end tests run beside the server (see the server's
// SMTP_URL in playwright.config.ts).
const port = Number(process.env.E2E_PORT ?? 3190);
export const E2E_WEBHOOK_PORT = port + 3;
export const E2E_SMTP_PORT = port + 4;
