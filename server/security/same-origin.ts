// Is a state-changing request from one of this app's own pages? A browser names
// the page that sent a request in `Origin` (and, in current browsers, says in
// `Sec-Fetch-Site` how it relates to the target). Another site, or another port
// of the same host, is a different origin even though cookies still travel
// there. The request's own host is what it was sent to: `Host`, or the
// `X-Forwarded-Host` a reverse proxy sets (a foreign page cannot set either on
// a victim's request), plus APP_URL's host. That is also what Next compares for
// server actions, so both refuse the same requests.

function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The hosts a request may come from: where it was sent, and the configured public address. */
export function ownHosts(headers: Headers, appUrl?: string): Set<string> {
  const hosts = new Set<string>();
  const host = headers.get("host")?.trim().toLowerCase();
  if (host) hosts.add(host);
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim().toLowerCase();
  if (forwarded) hosts.add(forwarded);
  const configured = hostOf(appUrl);
  if (configured) hosts.add(configured);
  return hosts;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Requests with neither header come from programs (curl, scripts), which carry
 * no victim's cookies; a browser always sends `Origin` on a POST.
 */
export function checkSameOrigin(headers: Headers, appUrl?: string): OriginVerdict {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return { ok: false, reason: `the request came from another site (Sec-Fetch-Site: ${site})` };
  const origin = headers.get("origin");
  if (origin === null) return { ok: true };
  const originHost = origin === "null" ? null : hostOf(origin);
  if (!originHost || !ownHosts(headers, appUrl).has(originHost)) {
    return { ok: false, reason: `the request came from another origin (${origin})` };
  }
  return { ok: true };
}
