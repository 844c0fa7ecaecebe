"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { inputClasses } from "@/components/ui/field";
import type { AnswerValue } from "@/server/domain/assessments/answers";
import { answerValueLabels } from "@/server/domain/assessments/labels";
import { extensionTrustAnswers, trustAnswers, type QuestionDefinition } from "@/server/domain/assessments/template-definition";
import { controlId, valuesOf, type Locale } from "./model";

interface Choice {
  value: string;
  label: string;
  help?: string;
  /** A Tillit extension of the trust model's answers. */
  extension?: boolean;
  exclusive?: boolean;
}

function choicesOf(question: QuestionDefinition, locale: Locale): Choice[] {
  switch (question.answerType) {
    case "TRUST_ANSWER":
      return trustAnswers.map((value) => ({
        value,
        label: answerValueLabels[value][locale],
        extension: (extensionTrustAnswers as readonly string[]).includes(value),
      }));
    case "YES_NO":
      return (["YES", "NO"] as const).map((value) => ({ value, label: answerValueLabels[value][locale] }));
    default:
      return (question.options ?? []).map((option) => ({
        value: option.value,
        label: option.label[locale],
        help: option.help?.[locale],
        exclusive: option.exclusive,
      }));
  }
}

export interface AnswerControlProps {
  question: QuestionDefinition;
  value: AnswerValue;
  locale: Locale;
  /** The ids of the question's help and problems, for controls the fieldset's description does not reach. */
  describedBy: string | undefined;
  invalid: boolean;
  /** A choice was made: saved at once. */
  onPick: (value: AnswerValue) => void;
  /** Typing: kept as a draft until the field is left (onCommit) or "Spara" is pressed. */
  onType: (value: string) => void;
  onCommit: () => void;
}

const optionRow = "flex items-start gap-2 rounded px-2 py-1.5 hover:bg-brand-50";
const box = "mt-1 size-4 shrink-0 accent-brand-700";

function OptionLabel({ id, choice, children }: { id: string; choice: Choice; children?: ReactNode }) {
  const t = useTranslations("AssessmentQuestions.question");
  return (
    <span className="flex flex-col">
      <label htmlFor={id} className="cursor-pointer">
        {choice.label}
        {choice.extension ? (
          <span className="ml-2 rounded border border-gray-400 bg-gray-50 px-1.5 py-0.5 text-xs text-muted">{t("extension")}</span>
        ) : null}
      </label>
      {choice.help ? (
        <span id={`${id}-help`} className="text-sm text-muted">
          {choice.help}
        </span>
      ) : null}
      {children}
    </span>
  );
}

/** One question's answer control, by its answer type. */
export function AnswerControl(props: AnswerControlProps) {
  switch (props.question.answerType) {
    case "TRUST_ANSWER":
    case "YES_NO":
    case "SINGLE_CHOICE":
      return <RadioGroup {...props} />;
    case "MULTI_CHOICE":
      return <CheckboxGroup {...props} />;
    case "TEXT":
    case "DATE":
    case "REGISTRY_NUMBER":
      return <TextControl {...props} />;
  }
}

function RadioGroup({ question, value, locale, onPick }: AnswerControlProps) {
  const t = useTranslations("AssessmentQuestions.question");
  const choices = choicesOf(question, locale);
  const current = typeof value === "string" ? value : "";
  const name = `answer-${question.key}`;
  // The trust model's answers can be cleared ("no answer" is an answer there); so can an optional choice.
  const clearable = question.answerType === "TRUST_ANSWER" || !question.required;
  const inline = question.answerType !== "SINGLE_CHOICE";
  const radio = (id: string, choiceValue: string, help: boolean) => (
    <input
      id={id}
      type="radio"
      name={name}
      value={choiceValue}
      checked={current === choiceValue}
      onChange={() => onPick(choiceValue === "" ? null : choiceValue)}
      aria-describedby={help ? `${id}-help` : undefined}
      className={box}
    />
  );
  return (
    <ul className={inline ? "flex flex-wrap gap-x-2 gap-y-1" : "flex flex-col gap-1"}>
      {choices.map((choice, index) => {
        const id = index === 0 ? controlId(question.key, "value") : `${controlId(question.key, "value")}-${choice.value}`;
        return (
          <li key={choice.value} className={optionRow}>
            {radio(id, choice.value, Boolean(choice.help))}
            <OptionLabel id={id} choice={choice} />
          </li>
        );
      })}
      {clearable ? (
        <li className={`${optionRow} ${inline ? "sm:ml-2 sm:border-l sm:border-gray-300 sm:pl-4" : ""}`.trim()}>
          {radio(`${controlId(question.key, "value")}-none`, "", false)}
          <label htmlFor={`${controlId(question.key, "value")}-none`} className="cursor-pointer text-muted">
            {t("noAnswer")}
          </label>
        </li>
      ) : null}
    </ul>
  );
}

function CheckboxGroup({ question, value, locale, invalid, onPick }: AnswerControlProps) {
  const t = useTranslations("AssessmentQuestions.question");
  const choices = choicesOf(question, locale);
  const chosen = valuesOf(value);
  const toggle = (choice: Choice, checked: boolean) => {
    let next: string[];
    if (!checked) next = chosen.filter((v) => v !== choice.value);
    // "None of these" clears the others; any other choice clears "none of these".
    else if (choice.exclusive) next = [choice.value];
    else next = [...chosen.filter((v) => !choices.some((c) => c.exclusive && c.value === v)), choice.value];
    // Keep the template's order.
    const ordered = choices.map((c) => c.value).filter((v) => next.includes(v));
    onPick(ordered.length > 0 ? ordered : null);
  };
  return (
    <ul className="flex flex-col gap-1">
      {choices.map((choice, index) => {
        const id = index === 0 ? controlId(question.key, "value") : `${controlId(question.key, "value")}-${choice.value}`;
        const hints = [choice.help ? `${id}-help` : "", choice.exclusive ? `${id}-exclusive` : ""].filter(Boolean).join(" ");
        return (
          <li key={choice.value} className={`${optionRow} ${choice.exclusive ? "mt-1 border-t border-gray-200 pt-2" : ""}`.trim()}>
            <input
              id={id}
              type="checkbox"
              value={choice.value}
              checked={chosen.includes(choice.value)}
              onChange={(event) => toggle(choice, event.target.checked)}
              aria-describedby={hints || undefined}
              aria-invalid={invalid || undefined}
              className={box}
            />
            <OptionLabel id={id} choice={choice}>
              {choice.exclusive ? (
                <span id={`${id}-exclusive`} className="text-sm text-muted">
                  {t("exclusiveHint")}
                </span>
              ) : null}
            </OptionLabel>
          </li>
        );
      })}
    </ul>
  );
}

function TextControl({ question, value, describedBy, invalid, onType, onCommit }: AnswerControlProps) {
  const common = {
    id: controlId(question.key, "value"),
    "aria-labelledby": controlId(question.key, "legend"),
    "aria-describedby": describedBy,
    "aria-invalid": invalid || undefined,
    value: typeof value === "string" ? value : "",
    onBlur: onCommit,
  } as const;
  switch (question.answerType) {
    case "DATE":
      return <input type="date" className={`${inputClasses} max-w-56`} {...common} onChange={(event) => onType(event.target.value)} />;
    case "REGISTRY_NUMBER":
      return (
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={100}
          className={`${inputClasses} max-w-md`}
          {...common}
          onChange={(event) => onType(event.target.value)}
        />
      );
    default:
      return <textarea rows={4} maxLength={10_000} className={inputClasses} {...common} onChange={(event) => onType(event.target.value)} />;
  }
}
