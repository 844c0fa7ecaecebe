import { handleTrpcRequest, originOf } from "@/server/api/http";
import { getSessionUserId } from "@/server/auth/session";
import { env } from "@/server/env";

function handler(request: Request) {
  const { NEXTAUTH_URL, HOSTNAME, PORT } = env();
  return handleTrpcRequest(request, {
    appOrigin: originOf(NEXTAUTH_URL ?? `http://${HOSTNAME}:${PORT}`),
    userId: getSessionUserId,
  });
}

export { handler as GET, handler as POST };
