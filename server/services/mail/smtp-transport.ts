// One nodemailer transport per SMTP URL, reused across sends (it pools connections).
import nodemailer, { type Transporter } from "nodemailer";

const transports = new Map<string, Transporter>();

export function smtpTransport(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}
