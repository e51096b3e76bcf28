import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createUser } from "@/db/factories";
import { test } from "@/db/test-db";
import { AppError } from "@/server/errors";
import { verifyCredentials } from "@/server/services/accounts/verify-credentials";
import { CLIENT_ADDRESS_HEADER, clientAddress } from "./client-address";
import { limitSignIn, SIGN_IN_LIMITS, signInDelayMs } from "./sign-in-rate-limit";

const PASSWORD = "the right password";

/**
 * One sign-in attempt as Auth.js makes it; `checked` says whether the password was
 * even looked at, `waitedMs` how long the slow-down held it (recorded, not slept).
 */
async function signIn(db: Database, email: string, password: string, address = "203.0.113.7") {
  let checked = false;
  let waitedMs = 0;
  const wait = async (ms: number) => void (waitedMs += ms);
  try {
    const user = await limitSignIn(
      db,
      { email, address },
      () => {
        checked = true;
        return verifyCredentials(db, { email, password });
      },
      { wait },
    );
    return { outcome: user ? "signed in" : "wrong password", checked, waitedMs };
  } catch (error) {
    if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") return { outcome: "refused", checked, waitedMs };
    throw error;
  }
}

async function failTimes(db: Database, n: number, email: string, address?: string) {
  for (let i = 0; i < n; i++) {
    expect(await signIn(db, email, "a wrong password", address)).toMatchObject({ outcome: "wrong password", checked: true });
  }
}

describe("limitSignIn", () => {
  test("refuses the 6th attempt for an email from one address after 5 failures, even with the right password", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    expect(SIGN_IN_LIMITS.failuresPerEmailAndAddress).toBe(5);

    await failTimes(db, 5, user.email);

    expect(await signIn(db, user.email, PASSWORD)).toMatchObject({ outcome: "refused", checked: false });
  });

  test("a stranger's 5 failures from another address do not lock the owner out of their own address", async ({ db }) => {
    const owner = await createUser(db, { password: PASSWORD });
    await failTimes(db, 5, owner.email, "198.51.100.66");
    expect(await signIn(db, owner.email, PASSWORD, "198.51.100.66")).toMatchObject({ outcome: "refused" });

    expect(await signIn(db, owner.email, PASSWORD, "203.0.113.10")).toMatchObject({ outcome: "signed in", checked: true });
  });

  test("failures on an email from many addresses slow its attempts down, more with each one, but never lock it", async ({ db }) => {
    const owner = await createUser(db, { password: PASSWORD });
    for (let i = 0; i < 5; i++) expect(await signIn(db, owner.email, "a wrong password", `198.51.100.${i}`)).toMatchObject({ waitedMs: 0 });

    expect(await signIn(db, owner.email, "a wrong password", "198.51.100.5")).toMatchObject({ outcome: "wrong password", waitedMs: 1000 });
    expect(await signIn(db, owner.email, "a wrong password", "198.51.100.6")).toMatchObject({ outcome: "wrong password", waitedMs: 2000 });
    for (let i = 7; i < 20; i++) await signIn(db, owner.email, "a wrong password", `198.51.100.${i}`);

    expect(await signIn(db, owner.email, PASSWORD, "203.0.113.10")).toMatchObject({ outcome: "signed in", waitedMs: SIGN_IN_LIMITS.maxDelayMs });
    // The success clears the email's count: the next attempt is not held.
    expect(await signIn(db, owner.email, PASSWORD, "203.0.113.10")).toMatchObject({ outcome: "signed in", waitedMs: 0 });
  });

  test("a success clears the pair's failures", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    await failTimes(db, 4, user.email);
    expect(await signIn(db, user.email, PASSWORD)).toMatchObject({ outcome: "signed in", checked: true });

    // Without the reset, the 2nd failure below would be the 6th and be refused.
    await failTimes(db, 5, user.email);
    expect(await signIn(db, user.email, PASSWORD)).toMatchObject({ outcome: "refused" });
  });

  test("does not lock out other emails", async ({ db }) => {
    const victim = await createUser(db, { password: PASSWORD });
    const other = await createUser(db, { password: PASSWORD });
    await failTimes(db, 5, victim.email, "192.0.2.1");
    expect(await signIn(db, other.email, PASSWORD, "192.0.2.1")).toMatchObject({ outcome: "signed in" });
  });

  test("refuses an address after 30 failures, whichever emails it tried", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    const address = "203.0.113.50";
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress; i++) {
      expect(await signIn(db, `guess-${i}@example.test`, "a wrong password", address)).toMatchObject({ outcome: "wrong password" });
    }

    expect(await signIn(db, user.email, PASSWORD, address)).toMatchObject({ outcome: "refused", checked: false });
    // The same person from another address is not affected.
    expect(await signIn(db, user.email, PASSWORD, "203.0.113.51")).toMatchObject({ outcome: "signed in" });
  });

  test("successful sign-ins do not count against the address", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    const address = "203.0.113.60";
    for (let i = 0; i <= SIGN_IN_LIMITS.failuresPerAddress; i++) {
      expect(await signIn(db, user.email, PASSWORD, address)).toMatchObject({ outcome: "signed in" });
    }
  });

  test("a burst of parallel guesses gets no more password checks than the limit", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    const burst = await Promise.all(
      Array.from({ length: 12 }, () => signIn(db, user.email, "a wrong password", "203.0.113.80")),
    );
    expect(burst.filter((attempt) => attempt.checked)).toHaveLength(SIGN_IN_LIMITS.failuresPerEmailAndAddress);
    expect(burst.filter((attempt) => attempt.outcome === "refused")).toHaveLength(12 - SIGN_IN_LIMITS.failuresPerEmailAndAddress);
  });

  test("a spoofed X-Forwarded-For does not dodge the limit when no proxy is trusted", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    // The custom server writes the socket's address; the attacker writes a new X-Forwarded-For each time.
    const from = (i: number) =>
      clientAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "198.51.100.200", "x-forwarded-for": `10.0.0.${i}` }), { kind: "none" });

    for (let i = 0; i < 5; i++) {
      expect(await signIn(db, user.email, "a wrong password", from(i))).toMatchObject({ outcome: "wrong password" });
    }
    expect(await signIn(db, user.email, PASSWORD, from(99))).toMatchObject({ outcome: "refused", checked: false });
  });
});

describe("signInDelayMs", () => {
  test("waits nothing for the first 5 failures, then doubles from 1 s up to the cap", () => {
    expect([0, 4, 5, 6, 7, 8, 9, 50].map(signInDelayMs)).toEqual([0, 0, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});
