/**
 * tRPC in three parts (context, init, procedures). Every procedure of the app is
 * built from the procedure kinds exported here; nothing else creates procedures.
 */
import { randomUUID } from "node:crypto";
import { initTRPC } from "@trpc/server";
import superjson from "superjson";
import { z } from "zod";
import { database } from "../db";
import type { PrismaClient } from "../db/client";

// 1. Context -----------------------------------------------------------------
export interface Context {
  db: PrismaClient;
  requestId: string;
  headers: Headers;
}

export async function createContext(opts: { headers: Headers; db?: PrismaClient }): Promise<Context> {
  return {
    db: opts.db ?? database(),
    requestId: opts.headers.get("x-request-id") ?? randomUUID(),
    headers: opts.headers,
  };
}

// 2. Init --------------------------------------------------------------------
export interface FieldError {
  field: string;
  message: string;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const fieldErrors: FieldError[] | null =
      error.cause instanceof z.ZodError
        ? error.cause.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }))
        : null;
    const unexpected = error.code === "INTERNAL_SERVER_ERROR";
    return {
      message: unexpected ? "Internal error" : shape.message,
      code: shape.code,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        path: shape.data.path,
        fieldErrors,
        requestId: ctx?.requestId ?? null,
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;

// 3. Procedures ----------------------------------------------------------------
/** Anyone, signed in or not. Only for data that is public by nature. */
export const publicProcedure = t.procedure;
