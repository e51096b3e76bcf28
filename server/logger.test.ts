// Secrets never reach the log: a failed insert's parameters (an email and a
// password hash, a feed token) are absent from what the real logger writes,
// from what Next would print of the error, and from the tRPC endpoint's log.
import { randomUUID } from "node:crypto";
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { describe, expect } from "vitest";
import { createTeam } from "@/db/factories";
import { users } from "@/db/schema";
import { test } from "@/db/test-db";
import { handleTrpcRequest } from "@/server/api/http-handler";
import { createLogger, logError } from "./logger";

/** The real logger, writing its JSON lines into memory. */
function capturedLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { log: createLogger(stream, "info"), text: () => lines.join(""), records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQtdmFsdWU$0123456789abcdefSECRETHASHVALUE";

async function failedInsert(db: Parameters<typeof createTeam>[0], email: string): Promise<unknown> {
  await db.insert(users).values({ email, name: "First", passwordHash: "$argon2id$first" });
  return db
    .insert(users)
    .values({ email, name: "Second", passwordHash: PASSWORD_HASH })
    .then(() => expect.fail("the second insert should break the unique email"))
    .catch((error: unknown) => error);
}

describe("the logger", () => {
  test("a failed insert is logged with its constraint and SQL, without the email or the password hash", async ({ db }) => {
    const email = `leak-${randomUUID().slice(0, 8)}@example.test`;
    const error = await failedInsert(db, email);
    const { log, text, records } = capturedLogger();

    logError("sign-up failed", error, {}, log);

    expect(text()).not.toContain(PASSWORD_HASH);
    expect(text()).not.toContain(email);
    expect(text()).not.toContain("params");
    const [record] = records();
    const summary = JSON.stringify(record!.error);
    expect(summary).toContain("users_email_unique");
    expect(summary).toContain("23505");
    expect(summary).toContain('insert into \\"users\\"');
  });

  test("the error printed as Next prints an escaped error (inspect, message, stack) holds no parameter either", async ({ db }) => {
    const email = `leak-${randomUUID().slice(0, 8)}@example.test`;
    const error = (await failedInsert(db, email)) as Error;
    for (const printed of [inspect(error, { depth: 5 }), String(error), error.stack ?? "", JSON.stringify(error)]) {
      expect(printed).not.toContain(PASSWORD_HASH);
      expect(printed).not.toContain(email);
    }
  });

  test("fields named like secrets are redacted, at the top, one level down and in headers", () => {
    const { log, text } = capturedLogger();
    log.info(
      {
        password: "hunter2-password",
        token: "tok-top-level",
        user: { passwordHash: PASSWORD_HASH, secret: "nested-secret" },
        headers: { cookie: "authjs.session-token=cookie-value", authorization: "Bearer bearer-value" },
        request: { headers: { cookie: "nested-cookie-value" } },
      },
      "request",
    );
    for (const secret of ["hunter2-password", "tok-top-level", PASSWORD_HASH, "nested-secret", "cookie-value", "bearer-value", "nested-cookie-value"]) {
      expect(text()).not.toContain(secret);
    }
    expect(text()).toContain("[Redacted]");
  });

  test("a write that fails inside the tRPC endpoint logs the failure, not the values it tried to store", async ({ db }) => {
    const team = await createTeam(db);
    const missingWorkspace = randomUUID();
    const { log, text, records } = capturedLogger();
    // A workspace deleted between the session check and the write: the new feed's insert breaks its foreign key.
    const response = await handleTrpcRequest(
      new Request("http://127.0.0.1:3000/api/trpc/calendarFeed.create", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }),
      async () => ({
        db,
        session: { user: { id: team.viewer.id, name: team.viewer.name, email: team.viewer.email } },
        workspace: { id: missingWorkspace, name: "Gone", role: "viewer" } as never,
      }),
      log,
    );

    expect(response.status).toBe(500);
    const [record] = records();
    expect(record!.msg).toBe("tRPC calendarFeed.create failed");
    expect(JSON.stringify(record!.error)).toContain("23503");
    // The workspace and user ids and the feed's token hash and nonce were the insert's parameters.
    expect(text()).not.toContain(missingWorkspace);
    expect(text()).not.toContain(team.viewer.id);
    expect(text()).not.toContain("params");
  });
});
