import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";

/**
 * "Report an error or ask a question": a plain form posted to a server action, so it works
 * without JavaScript. It carries a signed, time-limited token; `website` is a honeypot that
 * people never see (hidden from sight and from assistive technology) and robots fill in.
 */
export async function ReportForm({
  useCaseId,
  organisationName,
  token,
  action,
  outcome,
}: {
  useCaseId: string;
  organisationName: string;
  token: string;
  action: (formData: FormData) => Promise<void>;
  outcome: { report: string | null; field: string | null };
}) {
  const t = await getTranslations("PublicRegister.reports");
  const problems = await getTranslations("Problems");
  const sent = outcome.report === "sent";
  const failed = outcome.report !== null && !sent;
  const problemText = (code: string): string => {
    const [area, rule] = code.split(".");
    if (area === "publication" && rule && problems.has(`publication.${rule}` as never)) return problems(`publication.${rule}` as never);
    return t("failed");
  };
  return (
    <section id="report" aria-labelledby="report-heading" className="flex flex-col gap-4 rounded border border-gray-300 p-4">
      <h2 id="report-heading" className="text-xl font-semibold text-brand-900">
        {t("heading")}
      </h2>
      <p>{t("intro", { organisation: organisationName })}</p>
      {sent ? <Alert tone="success" live="polite" title={t("sent", { organisation: organisationName })} /> : null}
      {failed ? (
        <Alert tone="error" live="assertive" title={t("failed")}>
          {outcome.report === "invalid" && outcome.field ? `${outcome.field}: ${t("failed")}` : problemText(outcome.report ?? "")}
        </Alert>
      ) : null}
      <form action={action} className="flex max-w-2xl flex-col gap-4">
        <input type="hidden" name="useCaseId" value={useCaseId} />
        <input type="hidden" name="token" value={token} />
        <fieldset className="flex flex-col gap-1">
          <legend className="font-medium">{t("kind")}</legend>
          <div className="flex items-center gap-2">
            <input id="report-kind-error" type="radio" name="kind" value="ERROR" defaultChecked className="size-4" />
            <label htmlFor="report-kind-error">{t("kindERROR")}</label>
          </div>
          <div className="flex items-center gap-2">
            <input id="report-kind-question" type="radio" name="kind" value="QUESTION" className="size-4" />
            <label htmlFor="report-kind-question">{t("kindQUESTION")}</label>
          </div>
        </fieldset>
        <div className="flex flex-col gap-1">
          <label htmlFor="report-message" className="font-medium">
            {t("message")}
          </label>
          <textarea id="report-message" name="message" required minLength={10} maxLength={4000} rows={5} className={inputClasses} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="report-name" className="font-medium">
            {t("name")}
          </label>
          <input id="report-name" name="senderName" maxLength={200} autoComplete="name" className={inputClasses} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="report-email" className="font-medium">
            {t("email")}
          </label>
          <p id="report-email-hint" className="text-sm text-muted">
            {t("emailHint")}
          </p>
          <input id="report-email" name="senderEmail" type="email" maxLength={254} autoComplete="email" aria-describedby="report-email-hint" className={inputClasses} />
        </div>
        <div aria-hidden="true" className="absolute -left-[10000px] h-px w-px overflow-hidden">
          <label htmlFor="report-website">{t("honeypot")}</label>
          <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <div>
          <button type="submit" className={buttonClasses("primary")}>
            {t("send")}
          </button>
        </div>
      </form>
    </section>
  );
}
