// The address a request came from, for the sign-in limits. The custom server
// (scripts/serve.mjs) replaces CLIENT_ADDRESS_HEADER with the socket's address on
// every request, so a client cannot choose it. X-Forwarded-For is anyone's to
// write; it is read only as far as TRUST_PROXY says the proxies in front are ours.
import { z } from "zod";

export const CLIENT_ADDRESS_HEADER = "x-crescendo-client-address";

export type TrustProxy = { kind: "none" } | { kind: "hops"; hops: number } | { kind: "addresses"; addresses: ReadonlySet<string> };

const ipAddress = z.union([z.ipv4(), z.ipv6()]);

/** "::ffff:203.0.113.7" (IPv4 over an IPv6 socket) is 203.0.113.7; a port or brackets are dropped. */
export function normalizeAddress(raw: string): string {
  let address = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  return (mapped ? mapped[1]! : address).toLowerCase();
}

/**
 * TRUST_PROXY: unset, "false" or "0" trusts no proxy (the socket's address is the
 * client's); a hop count ("1": one proxy of ours in front, e.g. a load balancer)
 * takes that many entries from the right of X-Forwarded-For; a comma list of
 * addresses trusts those proxies and takes the first address from the right that
 * is not one of them.
 */
export const trustProxySetting = z
  .string()
  .optional()
  .transform((value, context): TrustProxy => {
    const setting = value?.trim().toLowerCase() ?? "";
    if (setting === "" || setting === "false" || setting === "0") return { kind: "none" };
    if (/^\d+$/.test(setting)) {
      const hops = Number(setting);
      if (hops <= 20) return { kind: "hops", hops };
    } else {
      const addresses = setting.split(",").map((entry) => normalizeAddress(entry));
      if (addresses.every((address) => ipAddress.safeParse(address).success)) return { kind: "addresses", addresses: new Set(addresses) };
    }
    context.addIssue({
      code: "custom",
      message: 'TRUST_PROXY must be unset, a hop count from 1 to 20 (like "1"), or a comma list of proxy IP addresses (like "10.0.0.2,10.0.0.3")',
    });
    return z.NEVER;
  });

/**
 * The client's address: the socket's (from the custom server's header), or, when
 * TRUST_PROXY allows, the X-Forwarded-For entry our own proxies vouch for.
 * "unknown" when the app runs without the custom server (`next dev`).
 */
export function clientAddress(headers: Headers, trust: TrustProxy): string {
  const socket = headers.get(CLIENT_ADDRESS_HEADER);
  if (!socket) return "unknown";
  // Nearest hop first: the socket, then X-Forwarded-For from its right end.
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const hops = [socket, ...forwarded.reverse()].map(normalizeAddress);
  if (trust.kind === "none") return hops[0]!;
  if (trust.kind === "hops") return hops[Math.min(trust.hops, hops.length - 1)]!;
  return hops.find((address) => !trust.addresses.has(address)) ?? hops[hops.length - 1]!;
}
