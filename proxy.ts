// Runs before every page request (and every server action, which posts to a page):
// - a POST to a page from another origin gets a plain 403 here: Next treats any
//   POST to a page (a Next-Action header, or a multipart or urlencoded form) as
//   a server action, and its own origin check throws it as a 500;
// - pages other than the public ones (sign-in, sign-up, invitations, review links) without a
//   session cookie go straight to sign-in, remembering where the person was
//   going (the app layout verifies the session itself);
// - every page gets a Content-Security-Policy with a fresh nonce, on the
//   response and on the request, where Next finds the nonce for its scripts.
import { type NextRequest, NextResponse } from "next/server";
import { isSessionCookie } from "@/server/auth/session-cookie";
import { appUrl } from "@/server/env";
import { contentSecurityPolicy, NONCE_HEADER, newNonce } from "@/server/security/content-security-policy";
import { checkSameOrigin } from "@/server/security/same-origin";

const PUBLIC_PAGES = /^\/(?:sign-in|sign-up|invite\/|review\/)/;

function refuseForeignAction(request: NextRequest): NextResponse | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const verdict = checkSameOrigin(request.headers, appUrl());
  if (verdict.ok) return null;
  return new NextResponse(`Forbidden: changes must come from Crescendo's own pages; ${verdict.reason}.`, {
    status: 403,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}

function signInRedirect(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PAGES.test(pathname)) return null;
  if (request.cookies.getAll().some((cookie) => isSessionCookie(cookie.name))) return null;
  const signIn = new URL("/sign-in", request.url);
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export function proxy(request: NextRequest) {
  const refusal = refuseForeignAction(request) ?? signInRedirect(request);
  if (refusal) return refusal;
  const nonce = newNonce();
  const policy = contentSecurityPolicy({ nonce, development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(NONCE_HEADER, nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Every page, public ones included; not API routes (they answer JSON or files and check their own
  // requests), Next's assets or static files (the demo's artwork in public/demo/ among them, which an
  // external reviewer, signed out, sees on the review page).
  matcher: ["/((?!api/|_next/|demo/|icon\\.svg|favicon\\.ico|robots\\.txt).*)"],
};
