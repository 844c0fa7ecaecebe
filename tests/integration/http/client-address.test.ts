/**
 * The address a sign-in attempt counts against, over a real TCP connection: the server
 * (server/http/serve.ts) writes it from the socket, or from the hop TRUSTED_PROXIES names,
 * and nothing the client sends can choose it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, stampClientAddress } from "@/server/http/client-address";

let server: Server | undefined;

afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

/** A server like Tillit's that answers with the client address the app would see. */
async function serve(trustedProxies: number): Promise<string> {
  server = createServer((request, response) => {
    stampClientAddress(request, trustedProxies);
    response.end(String(request.headers[CLIENT_ADDRESS_HEADER]));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}

async function seenAs(url: string, headers: Record<string, string> = {}): Promise<string> {
  return (await fetch(url, { headers })).text();
}

describe("the client address", () => {
  it("is the connection's address without trusted proxies, whatever X-Forwarded-For or the header itself say", async () => {
    const url = await serve(0);
    expect(await seenAs(url)).toBe("127.0.0.1");
    // Rotating the header, switching it off with a long value, or blaming someone else: all the same address.
    expect(await seenAs(url, { "x-forwarded-for": "203.0.113.1" })).toBe("127.0.0.1");
    expect(await seenAs(url, { "x-forwarded-for": "203.0.113.2" })).toBe("127.0.0.1");
    expect(await seenAs(url, { "x-forwarded-for": "1".repeat(100) })).toBe("127.0.0.1");
    expect(await seenAs(url, { [CLIENT_ADDRESS_HEADER]: "198.51.100.99" })).toBe("127.0.0.1");
  });

  it("is the hop the trusted proxy wrote, and 'unknown' (no sign-in) when the header is malformed", async () => {
    const url = await serve(1);
    expect(await seenAs(url, { "x-forwarded-for": "6.6.6.6, 203.0.113.7" })).toBe("203.0.113.7");
    expect(await seenAs(url)).toBe("unknown");
    expect(await seenAs(url, { "x-forwarded-for": "203.0.113.7, garbage" })).toBe("unknown");
    expect(await seenAs(url, { "x-forwarded-for": "1".repeat(100) })).toBe("unknown");
  });
});
