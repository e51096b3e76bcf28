import type { NextConfig } from "next";

// The Content-Security-Policy is not here: it needs a nonce per request, so proxy.ts sets it
// (server/security/content-security-policy.ts).
const securityHeaders = [
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  // PGlite loads its WASM from its own folder; bundling it breaks every query at runtime.
  // rate-limiter-flexible imports drizzle-orm dynamically, which a bundle cannot follow.
  serverExternalPackages: ["@electric-sql/pglite", "rate-limiter-flexible"],
  poweredByHeader: false,
  // Lets two builds of one checkout (say, two e2e runs) keep apart.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run check` type-checks the whole tree (tests included) once; the build need not again.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
  experimental: {
    // Next's on-disk build cache (experimental for builds) is on by default in this version. Most
    // builds here start clean (the test suite, the bench), where nothing reads it and writing it
    // took about 20 s of a 79 s build. A repeated `npm run demo` rebuilds without it.
    turbopackFileSystemCacheForBuild: false,
    authInterrupts: true, // forbidden(): pages a role cannot use answer 403
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
