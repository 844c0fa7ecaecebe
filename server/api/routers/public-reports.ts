import {
  answerReport,
  assignReport,
  closeReport,
  getReport,
  listReports,
  markAnswerEmailed,
  reopenReport,
} from "../../domain/public-register/reports";
import { answerReportInput, assignReportInput, reportIdInput, reportListInput, reportStepInput } from "../../domain/public-register/schemas";
import { sendMail } from "../../mail/mailer";
import { organisationChange } from "../change-context";
import { expirePublicRegister } from "../public-cache";
import { orgProcedure, router } from "../trpc";

/** The organisation's inbox of errors and questions from the public (server/domain/public-register/reports.ts). */
export const publicReportsRouter = router({
  list: orgProcedure("publicReport.read")
    .input(reportListInput)
    .query(({ ctx, input }) => listReports(ctx.tx, ctx.organisation.id, ctx.organisation.role, { status: input.status })),

  get: orgProcedure("publicReport.read")
    .input(reportIdInput)
    .query(({ ctx, input }) => getReport(ctx.tx, ctx.organisation.id, ctx.organisation.role, input.id)),

  assign: orgProcedure("publicReport.answer")
    .input(assignReportInput)
    .mutation(({ ctx, input }) => assignReport(ctx.tx, organisationChange(ctx), input)),

  answer: orgProcedure("publicReport.answer")
    .input(answerReportInput)
    .mutation(async ({ ctx, input }) => {
      const report = await answerReport(ctx.tx, organisationChange(ctx), input);
      let emailed = false;
      if (input.emailSender && report.senderEmail) {
        try {
          const { sent } = await sendMail({
            to: report.senderEmail,
            subject: `Svar från ${ctx.organisation.name} om AI-registret`,
            text: `${report.answer ?? ""}\n\nDitt meddelande:\n${report.message}\n\n${ctx.organisation.name}`,
          });
          if (sent) {
            await markAnswerEmailed(ctx.tx, ctx.organisation.id, report.id, new Date());
            emailed = true;
          }
        } catch (error) {
          console.error(`answer mail for report ${report.id} failed:`, error instanceof Error ? error.message : error);
        }
      }
      expirePublicRegister();
      return { id: report.id, version: report.version, status: report.status, emailed };
    }),

  close: orgProcedure("publicReport.answer")
    .input(reportStepInput)
    .mutation(async ({ ctx, input }) => {
      const report = await closeReport(ctx.tx, organisationChange(ctx), input);
      expirePublicRegister();
      return { id: report.id, version: report.version, status: report.status };
    }),

  reopen: orgProcedure("publicReport.answer")
    .input(reportStepInput)
    .mutation(async ({ ctx, input }) => {
      const report = await reopenReport(ctx.tx, organisationChange(ctx), input);
      expirePublicRegister();
      return { id: report.id, version: report.version, status: report.status };
    }),
});
