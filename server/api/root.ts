import { auditRouter } from "./routers/audit";
import { invitationsRouter } from "./routers/invitations";
import { meRouter } from "./routers/me";
import { membersRouter } from "./routers/members";
import { organisationsRouter } from "./routers/organisations";
import { overviewRouter } from "./routers/overview";
import { useCaseFilesRouter } from "./routers/use-case-files";
import { assessmentsRouter } from "./routers/assessments";
import { procurementRouter } from "./routers/procurement";
import { publicRegisterRouter } from "./routers/public-register";
import { publicReportsRouter } from "./routers/public-reports";
import { publicationRouter } from "./routers/publication";
import { responsibilitiesRouter } from "./routers/responsibilities";
import { suppliersRouter } from "./routers/suppliers";
import { useCasesRouter } from "./routers/use-cases";
import { createCallerFactory, router } from "./trpc";

export const appRouter = router({
  me: meRouter,
  organisations: organisationsRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  audit: auditRouter,
  useCases: useCasesRouter,
  useCaseFiles: useCaseFilesRouter,
  assessments: assessmentsRouter,
  procurement: procurementRouter,
  suppliers: suppliersRouter,
  responsibilities: responsibilitiesRouter,
  overview: overviewRouter,
  publication: publicationRouter,
  publicRegister: publicRegisterRouter,
  publicReports: publicReportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
