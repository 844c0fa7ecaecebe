import { auditRouter } from "./routers/audit";
import { invitationsRouter } from "./routers/invitations";
import { meRouter } from "./routers/me";
import { membersRouter } from "./routers/members";
import { organisationsRouter } from "./routers/organisations";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  organisations: organisationsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
