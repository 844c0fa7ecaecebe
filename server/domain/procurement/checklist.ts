/**
 * The requirements checklist of a procurement decision: a versioned template (data in
 * templates/requirements.v<N>.json) that a decision keeps the version of, and the rule
 * that blocks approval while required items are not met or not assessed. Pure and free of
 * server imports: the decision page shows the same blocking items as the service enforces.
 */
import { z } from "zod";
import type { RequirementStatus } from "../../db/generated/enums";
import requirementsV1 from "./templates/requirements.v1.json";

const text = z.object({ sv: z.string().trim().min(1), en: z.string().trim().min(1) }).strict();
const status = z.enum(["NOT_ASSESSED", "MET", "NOT_MET", "NOT_APPLICABLE"] as const satisfies readonly RequirementStatus[]);

export const checklistTemplateSchema = z
  .object({
    version: z.number().int().positive(),
    title: text,
    sections: z.array(z.object({ key: z.string().regex(/^[a-z_]+$/), title: text }).strict()).min(1),
    items: z
      .array(
        z
          .object({
            key: z.string().regex(/^[a-z_]+$/),
            section: z.string(),
            text,
            help: text,
            requiredByDefault: z.boolean(),
            /** The answers that must come with evidence (e.g. MET: say how; NOT_APPLICABLE: say why). */
            evidenceRequiredFor: z.array(status.exclude(["NOT_ASSESSED"])),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((template, ctx) => {
    const sections = new Set(template.sections.map((section) => section.key));
    const keys = template.items.map((item) => item.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", message: "item keys must be unique" });
    for (const item of template.items) {
      if (!sections.has(item.section)) ctx.addIssue({ code: "custom", message: `item ${item.key} names an unknown section` });
    }
  });
export type ChecklistTemplate = z.infer<typeof checklistTemplateSchema>;
export type ChecklistItem = ChecklistTemplate["items"][number];

const templates: ReadonlyMap<number, ChecklistTemplate> = new Map(
  [requirementsV1].map((file) => {
    const template = checklistTemplateSchema.parse(file);
    return [template.version, template] as const;
  }),
);

/** The version a new decision starts on. */
export const latestChecklistVersion = Math.max(...templates.keys());

export function checklistTemplate(version: number): ChecklistTemplate {
  const template = templates.get(version);
  if (!template) throw new Error(`no procurement checklist template version ${version}`);
  return template;
}

export interface RequirementState {
  itemKey: string;
  required: boolean;
  status: RequirementStatus;
  evidence: string | null;
}

/** Statuses of a required item that block approval. */
const BLOCKING: readonly RequirementStatus[] = ["NOT_MET", "NOT_ASSESSED"];

/** The required items that block approval: not met, or not assessed yet (in template order). */
export function blockingItems(template: ChecklistTemplate, states: readonly RequirementState[]): RequirementState[] {
  const byKey = new Map(states.map((state) => [state.itemKey, state]));
  return template.items.flatMap((item) => {
    const state = byKey.get(item.key) ?? { itemKey: item.key, required: item.requiredByDefault, status: "NOT_ASSESSED" as const, evidence: null };
    return state.required && BLOCKING.includes(state.status) ? [state] : [];
  });
}

/** Whether an answer needs evidence by the template (blank evidence does not count). */
export function evidenceMissing(item: ChecklistItem, state: Pick<RequirementState, "status" | "evidence">): boolean {
  return (item.evidenceRequiredFor as readonly RequirementStatus[]).includes(state.status) && !state.evidence?.trim();
}

/** The rows a new decision starts with: every item, not assessed, required as the template says. */
export function initialRequirements(template: ChecklistTemplate): RequirementState[] {
  return template.items.map((item) => ({ itemKey: item.key, required: item.requiredByDefault, status: "NOT_ASSESSED", evidence: null }));
}
