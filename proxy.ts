// A fast first check on page requests: no session cookie, straight to sign-in,
// remembering where the person was going. The app layout verifies the session itself.
import { type NextRequest, NextResponse } from "next/server";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = request.cookies
    .getAll()
    .some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
  if (hasSession) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  const { pathname, search } = request.nextUrl;
  if (pathname !== "/") signIn.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except public pages, API routes, Next's assets and static files.
  matcher: ["/((?!sign-in|sign-up|invite/|api/|_next/|icon\\.svg|favicon\\.ico|robots\\.txt).*)"],
};
