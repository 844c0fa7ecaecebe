import { organisationsRouter } from "./routers/organisations";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  organisations: organisationsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
