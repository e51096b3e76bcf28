// Auth.js: email and password sign-in, sessions in a signed JWT cookie (the
// credentials provider does not use database sessions).
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { signInInput } from "@/server/services/accounts/account.schema";
import { AppError } from "@/server/errors";
import { verifyCredentials } from "@/server/services/accounts/verify-credentials";
import { authSecret } from "./secret";
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

function clientAddress(request: Request): string {
  const forwarded = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request.headers.get("x-real-ip") || "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in" },
  logger: {
    // A wrong password is an everyday event, not a server error worth a stack trace.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
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
          return await limitSignIn(db, { email: parsed.data.email, address: clientAddress(request) }, () =>
            verifyCredentials(db, parsed.data),
          );
        } catch (error) {
          if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") throw new SignInRateLimited();
          throw error;
        }
      },
    }),
  ],
  callbacks: {
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
