import { describe, expect } from "vitest";
import type { Database } from "@/db";
import { createUser } from "@/db/factories";
import { test } from "@/db/test-db";
import { AppError } from "@/server/errors";
import { verifyCredentials } from "@/server/services/accounts/verify-credentials";
import { limitSignIn, SIGN_IN_LIMITS } from "./sign-in-rate-limit";

const PASSWORD = "the right password";

/** One sign-in attempt as Auth.js makes it; `checked` says whether the password was even looked at. */
async function signIn(db: Database, email: string, password: string, address = "203.0.113.7") {
  let checked = false;
  try {
    const user = await limitSignIn(db, { email, address }, () => {
      checked = true;
      return verifyCredentials(db, { email, password });
    });
    return { outcome: user ? "signed in" : "wrong password", checked };
  } catch (error) {
    if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") return { outcome: "refused", checked };
    throw error;
  }
}

async function failTimes(db: Database, n: number, email: string, address?: string) {
  for (let i = 0; i < n; i++) {
    expect(await signIn(db, email, "a wrong password", address)).toEqual({ outcome: "wrong password", checked: true });
  }
}

describe("limitSignIn", () => {
  test("refuses the 6th attempt for an email after 5 failures, even with the right password", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    expect(SIGN_IN_LIMITS.failuresPerEmail).toBe(5);

    await failTimes(db, 5, user.email);

    expect(await signIn(db, user.email, PASSWORD)).toEqual({ outcome: "refused", checked: false });
  });

  test("keeps counting per email across addresses", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    for (let i = 0; i < 5; i++) await failTimes(db, 1, user.email, `198.51.100.${i}`);
    expect(await signIn(db, user.email, PASSWORD, "198.51.100.99")).toMatchObject({ outcome: "refused" });
  });

  test("a success clears the email's failures", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    await failTimes(db, 4, user.email);
    expect(await signIn(db, user.email, PASSWORD)).toEqual({ outcome: "signed in", checked: true });

    // Without the reset, the 2nd failure below would be the 6th and be refused.
    await failTimes(db, 5, user.email);
    expect(await signIn(db, user.email, PASSWORD)).toMatchObject({ outcome: "refused" });
  });

  test("does not lock out other emails", async ({ db }) => {
    const victim = await createUser(db, { password: PASSWORD });
    const other = await createUser(db, { password: PASSWORD });
    await failTimes(db, 5, victim.email, "192.0.2.1");
    expect(await signIn(db, other.email, PASSWORD, "192.0.2.2")).toMatchObject({ outcome: "signed in" });
  });

  test("refuses an address after 30 failures, whichever emails it tried", async ({ db }) => {
    const user = await createUser(db, { password: PASSWORD });
    const address = "203.0.113.50";
    for (let i = 0; i < SIGN_IN_LIMITS.failuresPerAddress; i++) {
      expect(await signIn(db, `guess-${i}@example.test`, "a wrong password", address)).toMatchObject({ outcome: "wrong password" });
    }

    expect(await signIn(db, user.email, PASSWORD, address)).toEqual({ outcome: "refused", checked: false });
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
    expect(burst.filter((attempt) => attempt.checked)).toHaveLength(SIGN_IN_LIMITS.failuresPerEmail);
    expect(burst.filter((attempt) => attempt.outcome === "refused")).toHaveLength(12 - SIGN_IN_LIMITS.failuresPerEmail);
  });
});
