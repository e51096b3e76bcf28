// A fast first check on page requests: no session cookie, straight to sign-in,
// remembering where the person was going. The app layout verifies the session itself.
import { type NextRequest, NextResponse } from "next/server";
import { isSessionCookie } from "@/server/auth/session-cookie";

export function proxy(request: NextRequest) {
  const hasSession = request.cookies.getAll().some((cookie) => isSessionCookie(cookie.name));
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
