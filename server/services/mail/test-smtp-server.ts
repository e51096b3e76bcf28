// A real SMTP server for tests, on 127.0.0.1 and a free port, keeping what it
// receives: the mail tests and the workflow crash test read delivered email
// from it instead of trusting the outbox row.
import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface TestSmtpServer {
  smtpUrl: string;
  received: ParsedMail[];
  close(): Promise<void>;
}

export async function startSmtpServer(options: { rejectWith?: string } = {}): Promise<TestSmtpServer> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no self-signed STARTTLS certificate for the client to refuse.
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (options.rejectWith) {
            callback(Object.assign(new Error(options.rejectWith), { responseCode: 554 }));
            return;
          }
          received.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  // A client that dies mid-conversation (the crash test kills senders) resets its
  // connection; that is the client's failure, not the server's, and must not crash the test.
  server.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "ECONNRESET" && error.code !== "EPIPE") throw error;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
