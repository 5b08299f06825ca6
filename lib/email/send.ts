/**
 * Outgoing mail. With SMTP_URL set, mail goes out through it. Without it, in development only, the
 * message (and its link) is written to the server log so a local user can still follow a reset or
 * invitation link; anywhere else a body is never logged (it holds a sign-in-equivalent link, and
 * logs are read by more people than the recipient): only the recipient and subject, as a warning.
 */
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";

const log = logger("email");

export interface Email {
  to: string;
  subject: string;
  text: string;
}

let transport: Transporter | undefined;

export async function sendEmail(email: Email): Promise<void> {
  if (!env.SMTP_URL) {
    if (env.NODE_ENV === "development") log.info({ to: email.to, subject: email.subject }, `Email not sent (SMTP_URL unset):\n${email.text}`);
    else log.warn({ to: email.to, subject: email.subject }, "Email not sent: SMTP_URL is not set");
    return;
  }
  transport ??= nodemailer.createTransport(env.SMTP_URL);
  await transport.sendMail({ from: env.EMAIL_FROM, to: email.to, subject: email.subject, text: email.text });
}
