import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { getSessionUserId } from "@/server/auth/session";

function handler(request: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: appRouter,
    createContext: async () => createContext({ headers: request.headers, userId: await getSessionUserId() }),
    onError({ error, path, ctx }) {
      if (error.code === "INTERNAL_SERVER_ERROR") {
        console.error(`[trpc] ${path ?? "?"} failed (request ${ctx?.requestId ?? "?"}):`, error.cause ?? error);
      }
    },
  });
}

export { handler as GET, handler as POST };
