import { getTranslations } from "next-intl/server";
import type { Progress } from "@/server/domain/assessments/answers";

/** Required questions answered, as a real <progress> with the same figures in words. */
export async function ProgressPanel({ progress }: { progress: Progress }) {
  const t = await getTranslations("Assessment.progress");
  const text = t("text", { answered: progress.answered, required: progress.required });
  return (
    <section aria-labelledby="progress-heading" className="rounded border border-gray-300 p-4">
      <h2 id="progress-heading" className="text-xl font-semibold text-brand-900">
        {t("heading")}
      </h2>
      {progress.required === 0 ? (
        <p className="mt-2">{t("noneRequired")}</p>
      ) : (
        <>
          <label htmlFor="assessment-progress" className="mt-2 block font-medium">
            {t("label")}
          </label>
          <progress
            id="assessment-progress"
            className="mt-1 h-4 w-full accent-brand-700"
            max={progress.required}
            value={progress.answered}
            aria-valuetext={text}
          >
            {text}
          </progress>
          <p className="mt-1">{text}</p>
        </>
      )}
      <p className="mt-1 text-sm text-muted">{t("all", { answered: progress.answeredAll, shown: progress.shown })}</p>
    </section>
  );
}
