// Auth.js: email and password sign-in, sessions in a signed JWT cookie (the
// credentials provider does not use Auth.js's database sessions). The cookie
// names a `sessions` row that every reading checks (session-token.ts), so
// signing out and revocations end a session on the server too.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { signInInput } from "@/server/services/accounts/account.schema";
import { AppError } from "@/server/errors";
import { logError } from "@/server/logger";
import { verifyCredentials } from "@/server/services/accounts/verify-credentials";
import { env } from "@/server/env";
import { clientAddress } from "./client-address";
import { authSecret } from "./secret";
import { SESSION_LIFETIME_MS } from "./session-store";
import { checkSessionToken, endSessionOfToken } from "./session-token";
import { limitSignIn } from "./sign-in-rate-limit";

declare module "next-auth" {
  interface Session {
    user: { id: string } & DefaultSession["user"];
  }
}

/** Thrown from authorize so the sign-in form can tell "too many attempts" from a wrong password. */
export class SignInRateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  // The cookie's own life; the session's absolute end is its row's expires_at, which renewal leaves alone.
  session: { strategy: "jwt", maxAge: SESSION_LIFETIME_MS / 1000 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logError("Sign-in or session handling failed", error);
    },
  },
  providers: [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw, request) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) return null;
        const db = await getDb();
        try {
          return await limitSignIn(db, { email: parsed.data.email, address: clientAddress(request.headers, env.TRUST_PROXY) }, () =>
            verifyCredentials(db, parsed.data),
          );
        } catch (error) {
          if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") throw new SignInRateLimited();
          throw error;
        }
      },
    }),
  ],
  events: {
    async signOut(message) {
      if ("token" in message) await endSessionOfToken(await getDb(), message.token);
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      return checkSessionToken(await getDb(), { token, user });
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
