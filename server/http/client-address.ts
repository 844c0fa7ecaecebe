import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/**
 * Which address a request came from, for sign-in throttling.
 *
 * The HTTP server (server/http/serve.ts) decides it from the TCP connection and writes it
 * into CLIENT_ADDRESS_HEADER, replacing whatever the client sent under that name; the app
 * reads only that header. X-Forwarded-For is read only when TRUSTED_PROXIES says how many
 * proxies of our own stand in front of the app: each appends the address it was connected
 * from, so with N trusted proxies the client is the N-th entry from the right, and every
 * entry left of it was written by the client and proves nothing. Without trusted proxies
 * the header is ignored: anyone can write anything there.
 */
export const CLIENT_ADDRESS_HEADER = "x-tillit-client-address";

/** What the server writes when the address cannot be known (the app then refuses sign-in). */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

/**
 * Writes the client's address into the request for the app, replacing any header of that
 * name the client sent. A malformed X-Forwarded-For (fewer hops than TRUSTED_PROXIES
 * promises, or not an address) gives "unknown", for which the app refuses to sign anyone
 * in: it never silently skips the throttle.
 */
export function stampClientAddress(request: IncomingMessage, trustedProxies: number): void {
  const resolved = resolveClientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: request.headers["x-forwarded-for"],
    trustedProxies,
  });
  request.headers[CLIENT_ADDRESS_HEADER] = resolved.ok ? resolved.address : UNKNOWN_CLIENT_ADDRESS;
}

export type ClientAddress =
  | { ok: true; address: string }
  | { ok: false; reason: string };

export function resolveClientAddress(input: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: number;
}): ClientAddress {
  const socket = normaliseAddress(input.socketAddress);
  if (input.trustedProxies === 0) {
    return socket ? { ok: true, address: socket } : { ok: false, reason: "the connection has no remote address" };
  }
  // Several X-Forwarded-For headers are one list, in order (RFC 9110 5.3).
  const joined = Array.isArray(input.forwardedFor) ? input.forwardedFor.join(",") : (input.forwardedFor ?? "");
  const hops = joined === "" ? [] : joined.split(",").map((hop) => hop.trim());
  if (hops.length < input.trustedProxies) {
    return {
      ok: false,
      reason: `X-Forwarded-For has ${hops.length} entries but TRUSTED_PROXIES=${input.trustedProxies} proxies should have added one each`,
    };
  }
  const client = normaliseAddress(hops[hops.length - input.trustedProxies]);
  if (!client) return { ok: false, reason: "the X-Forwarded-For entry written by the outermost trusted proxy is not an IP address" };
  return { ok: true, address: client };
}

/**
 * An IPv4 or IPv6 address in one canonical spelling, or null. IPv4-mapped IPv6
 * ("::ffff:192.0.2.1", as Node reports IPv4 clients on a dual-stack socket) becomes IPv4,
 * so one client never counts as two.
 */
export function normaliseAddress(value: string | undefined): string | null {
  if (!value) return null;
  let address = value.trim();
  // "[2001:db8::1]:443" and "192.0.2.1:443" (some proxies add the port)
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const version = isIP(address);
  if (version === 4) return address;
  // The URL parser writes IPv6 in its one canonical (RFC 5952) form.
  if (version === 6) return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  return null;
}

/**
 * The part of an address that identifies one client for throttling: an IPv4 address
 * whole, an IPv6 address by its /64 network, since one home or office is given a whole
 * /64 and could otherwise rotate through 2^64 addresses.
 */
export function throttledNetwork(address: string): string {
  if (isIP(address) !== 6) return address;
  const [head = "", tail] = address.split("::");
  const left = head === "" ? [] : head.split(":");
  const right = tail === undefined || tail === "" ? [] : tail.split(":");
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}
