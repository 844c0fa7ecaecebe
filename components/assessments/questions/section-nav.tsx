"use client";

import { useTranslations } from "next-intl";
import { createElement, type ReactNode } from "react";
import { sectionAnchor, type Locale, type PartGroup } from "./model";

export interface SectionStats {
  /** Required questions (of those shown) that are answered. */
  answered: number;
  required: number;
  /** Every shown question with an answer, and every shown question. */
  answeredAll: number;
  shown: number;
  /** Review comments not yet resolved. */
  openComments: number;
}

export type HeadingLevel = 2 | 3 | 4;
/** A heading at the level the page needs (the component sits under the page's own headings). */
export function Heading({ level, id, className, children }: { level: number; id: string; className?: string; children: ReactNode }) {
  return createElement(`h${Math.min(Math.max(level, 2), 6)}`, { id, className }, children);
}

function SectionLink({ title, anchor, stats }: { title: string; anchor: string; stats: SectionStats | undefined }) {
  const t = useTranslations("AssessmentQuestions.toc");
  const s = stats ?? { answered: 0, required: 0, answeredAll: 0, shown: 0, openComments: 0 };
  const complete = s.shown > 0 && (s.required > 0 ? s.answered === s.required : s.answeredAll === s.shown);
  const progress =
    s.shown === 0
      ? t("noQuestions")
      : s.required > 0
        ? t("requiredProgress", { answered: s.answered, required: s.required })
        : t("allProgress", { answered: s.answeredAll, shown: s.shown });
  return (
    <li className="flex flex-col py-1">
      <a href={`#${anchor}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-900">
        {title}
      </a>
      <span className="text-xs text-muted">
        {progress}
        {complete ? <span className="ml-1 font-semibold text-green-800">· {t("complete")}</span> : null}
      </span>
      {s.openComments > 0 ? (
        <span className="text-xs font-semibold text-amber-900">{t("openComments", { count: s.openComments })}</span>
      ) : null}
    </li>
  );
}

/**
 * The template's sections with how far each has come, linking to the sections; grouped
 * by part for the trust model (before development / development and operation / follow-up).
 */
export function SectionNav({
  groups,
  grouped,
  stats,
  locale,
  headingLevel,
}: {
  groups: PartGroup[];
  grouped: boolean;
  stats: Map<string, SectionStats>;
  locale: Locale;
  headingLevel: HeadingLevel;
}) {
  const t = useTranslations("AssessmentQuestions");
  const list = (group: PartGroup) => (
    <ol className="flex flex-col">
      {group.sections.map((section) => (
        <SectionLink key={section.key} title={section.title[locale]} anchor={sectionAnchor(section.key)} stats={stats.get(section.key)} />
      ))}
    </ol>
  );
  return (
    <nav aria-labelledby="assessment-questions-toc" className="rounded border border-gray-300 bg-white p-4">
      <Heading level={headingLevel} id="assessment-questions-toc" className="text-lg font-semibold text-brand-900">
        {t("toc.title")}
      </Heading>
      {grouped ? (
        <ul className="mt-2 flex flex-col gap-3">
          {groups.map((group, index) => (
            <li key={`${group.part}-${index}`}>
              <p className="text-sm font-semibold">{t(`parts.${group.part}`)}</p>
              {list(group)}
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-2">{groups.map((group, index) => <div key={`${group.part}-${index}`}>{list(group)}</div>)}</div>
      )}
    </nav>
  );
}
