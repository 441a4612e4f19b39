import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";

// Outgoing email through the SMTP server in SMTP_URL (pooled connections). Without SMTP_URL the
// installation sends no email and the email sign-up is not offered.

declare global {
  var __statusMailer: nodemailer.Transporter | undefined;
}

export function isEmailConfigured(): boolean {
  return Boolean(env.SMTP_URL);
}

function mailer(): nodemailer.Transporter {
  if (!env.SMTP_URL) throw new Error("SMTP_URL is not set: email is turned off.");
  if (!globalThis.__statusMailer) {
    const url = new URL(env.SMTP_URL);
    if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
    globalThis.__statusMailer = nodemailer.createTransport(url.toString());
  }
  return globalThis.__statusMailer;
}

export interface OutgoingMail {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** Sends one message; throws when the server refuses it or cannot be reached. */
export async function sendMail(mail: OutgoingMail): Promise<{ response: string }> {
  const info = (await mailer().sendMail(mail)) as { response?: string };
  return { response: info.response ?? "" };
}

/** The sender address: SMTP_FROM, or status@ the page's host, named after the page. */
export function senderFor(pageName: string, pageUrl: string): string {
  if (env.SMTP_FROM) return env.SMTP_FROM;
  const host = new URL(pageUrl).hostname || "localhost";
  return `"${pageName.replace(/["\\]/g, "")}" <status@${host}>`;
}

export function closeMailer(): void {
  globalThis.__statusMailer?.close();
  globalThis.__statusMailer = undefined;
}
