import { describe, expect, it } from "vitest";
import { normaliseAddress, resolveClientAddress, throttledNetwork } from "./client-address";

describe("resolveClientAddress", () => {
  it("takes the connection's address and ignores X-Forwarded-For when no proxy is trusted", () => {
    // Rotating or forging the header changes nothing, and naming someone else's address blames nobody.
    for (const forwardedFor of [undefined, "203.0.113.9", "198.51.100.1, 198.51.100.2", "x".repeat(500)]) {
      expect(resolveClientAddress({ socketAddress: "192.0.2.44", forwardedFor, trustedProxies: 0 })).toEqual({ ok: true, address: "192.0.2.44" });
    }
    expect(resolveClientAddress({ socketAddress: "::ffff:192.0.2.44", forwardedFor: undefined, trustedProxies: 0 })).toEqual({
      ok: true,
      address: "192.0.2.44",
    });
  });

  it("reads the hop the outermost trusted proxy wrote, whatever the client put before it", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.9", trustedProxies: 1 })).toEqual({
      ok: true,
      address: "203.0.113.9",
    });
    expect(
      resolveClientAddress({ socketAddress: "10.0.0.3", forwardedFor: ["6.6.6.6, 203.0.113.9", "10.0.0.2"], trustedProxies: 2 }),
    ).toEqual({ ok: true, address: "203.0.113.9" });
  });

  it("refuses a header with too few hops or a hop that is not an address, rather than guessing", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trustedProxies: 1 }).ok).toBe(false);
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "203.0.113.9", trustedProxies: 2 }).ok).toBe(false);
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "203.0.113.9, not-an-address", trustedProxies: 1 }).ok).toBe(false);
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: `${"1".repeat(70)}`, trustedProxies: 1 }).ok).toBe(false);
  });
});

describe("normaliseAddress and throttledNetwork", () => {
  it("spells each address one way", () => {
    expect(normaliseAddress("2001:0DB8:0:0::1")).toBe("2001:db8::1");
    expect(normaliseAddress("[2001:db8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("192.0.2.1:8080")).toBe("192.0.2.1");
    expect(normaliseAddress("example.org")).toBeNull();
  });

  it("throttles IPv6 by its /64 network and IPv4 by the address", () => {
    expect(throttledNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttledNetwork("2001:db8:1:2::ffff")).toBe("2001:db8:1:2::/64");
    expect(throttledNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttledNetwork("192.0.2.7")).toBe("192.0.2.7");
  });
});
