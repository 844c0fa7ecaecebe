"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { apiProblem, useProblemMessage } from "@/components/trpc/errors";
import { useTRPC } from "@/components/trpc/provider";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { inputClasses, selectClasses } from "@/components/ui/field";
import type { ReportAction } from "@/server/domain/public-register/reports";

/** Answer, assign, close or reopen a report from the public: what allowedReportActions allows. */
export function ReportActions({
  organisationSlug,
  report,
  allowed,
  handlers,
}: {
  organisationSlug: string;
  report: { id: string; version: number; senderEmail: string | null; assigneeId: string | null; answer: string | null };
  allowed: ReportAction[];
  handlers: { id: string; name: string }[];
}) {
  const t = useTranslations("PublicReports");
  const trpc = useTRPC();
  const router = useRouter();
  const problemMessage = useProblemMessage();
  const [answer, setAnswer] = useState(report.answer ?? "");
  const [emailSender, setEmailSender] = useState(report.senderEmail !== null);
  const [assigneeId, setAssigneeId] = useState(report.assigneeId ?? "");
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const answerMutation = useMutation(trpc.publicReports.answer.mutationOptions());
  const assign = useMutation(trpc.publicReports.assign.mutationOptions());
  const close = useMutation(trpc.publicReports.close.mutationOptions());
  const reopen = useMutation(trpc.publicReports.reopen.mutationOptions());
  const base = { organisationSlug, id: report.id, version: report.version };
  const pending = answerMutation.isPending || assign.isPending || close.isPending || reopen.isPending;

  async function run(work: () => Promise<unknown>) {
    setStatus(null);
    try {
      await work();
      setStatus({ tone: "success", text: t("saved") });
      router.refresh();
    } catch (error) {
      setStatus({ tone: "error", text: problemMessage(apiProblem(error)) });
    }
  }

  return (
    <div className="flex flex-col gap-6">
      {allowed.includes("answer") ? (
        <form
          className="flex max-w-2xl flex-col gap-3"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void run(() => answerMutation.mutateAsync({ ...base, answer, emailSender }));
          }}
        >
          <label htmlFor="report-answer-text" className="font-medium">
            {t("answer")}
          </label>
          <p id="report-answer-hint" className="text-sm text-muted">
            {t("answerHint")}
          </p>
          <textarea
            id="report-answer-text"
            rows={5}
            required
            maxLength={4000}
            aria-describedby="report-answer-hint"
            className={inputClasses}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
          />
          {report.senderEmail ? (
            <div className="flex items-center gap-2">
              <input id="report-email-sender" type="checkbox" className="size-4" checked={emailSender} onChange={(event) => setEmailSender(event.target.checked)} />
              <label htmlFor="report-email-sender">{t("emailAnswer", { email: report.senderEmail })}</label>
            </div>
          ) : null}
          <div>
            <Button type="submit" disabled={pending}>
              {answerMutation.isPending ? t("working") : t("sendAnswer")}
            </Button>
          </div>
        </form>
      ) : null}
      {allowed.includes("assign") ? (
        <form
          className="flex max-w-md flex-col gap-2"
          onSubmit={(event: FormEvent) => {
            event.preventDefault();
            void run(() => assign.mutateAsync({ ...base, assigneeId: assigneeId || null }));
          }}
        >
          <label htmlFor="report-assignee" className="font-medium">
            {t("assign")}
          </label>
          <select id="report-assignee" className={selectClasses} value={assigneeId} onChange={(event) => setAssigneeId(event.target.value)}>
            <option value="">{t("nobody")}</option>
            {handlers.map((handler) => (
              <option key={handler.id} value={handler.id}>
                {handler.name}
              </option>
            ))}
          </select>
          <div>
            <Button type="submit" variant="secondary" disabled={pending}>
              {t("saveAssignee")}
            </Button>
          </div>
        </form>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {allowed.includes("close") ? (
          <Button variant="secondary" disabled={pending} onClick={() => void run(() => close.mutateAsync(base))}>
            {t("close")}
          </Button>
        ) : null}
        {allowed.includes("reopen") ? (
          <Button variant="secondary" disabled={pending} onClick={() => void run(() => reopen.mutateAsync(base))}>
            {t("reopen")}
          </Button>
        ) : null}
      </div>
      {status ? <Alert tone={status.tone} title={status.text} live={status.tone === "error" ? "assertive" : "polite"} /> : null}
    </div>
  );
}
