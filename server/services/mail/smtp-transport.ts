// One nodemailer transport per SMTP URL and timeout, created once and reused
// across sends. Nodemailer's own timeouts (2 min to connect, 10 min of socket
// silence) would let a hung server hold a send far past the sender's claim on
// the email, after which another process may send it again; ours are short.
import nodemailer, { type Transporter } from "nodemailer";
import SMTPTransport from "nodemailer/lib/smtp-transport";

const transports = new Map<string, Transporter>();

/** `timeoutMs` bounds connecting, waiting for the greeting, and each silence on the socket. */
export function smtpTransport(smtpUrl: string, timeoutMs: number): Transporter {
  const key = `${timeoutMs} ${smtpUrl}`;
  let transport = transports.get(key);
  if (!transport) {
    // The SMTPTransport itself, because createTransport({ url }) drops every option but the URL.
    transport = nodemailer.createTransport(
      new SMTPTransport({ url: smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs }),
    );
    transports.set(key, transport);
  }
  return transport;
}
