import { type Algorithm, hash, verify } from "@node-rs/argon2";

// The library declares its algorithms as an ambient const enum, which isolated modules
// cannot read; 2 is Argon2id.
const ARGON2ID: Algorithm = 2;

/**
 * OWASP's Password Storage Cheat Sheet: Argon2id with 19 MiB of memory, two passes and
 * one lane. About 15 ms per hash on this machine: slow for an attacker, quick enough for sign-in.
 */
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** An Argon2id hash in PHC format (`$argon2id$v=19$m=...`), salted at random. */
export async function hashPassword(plain: string): Promise<string> {
  return hash(plain, OPTIONS);
}

/** Does `plain` match `storedHash`? False, rather than an error, for a malformed hash. */
export async function verifyPassword(storedHash: string, plain: string): Promise<boolean> {
  try {
    return await verify(storedHash, plain);
  } catch {
    return false;
  }
}
