import { z } from "zod";
import {
  ActEffect,
  ActKind,
  HealthGroup,
  KpiDirection,
  KpiFrequency,
  KpiUnit,
  ObjectiveLevel,
  ObjectiveStatus,
  OrgUnitKind,
  PlanChangeKind,
  PlanChangeReason,
  PlanChangeSource,
  ScoringRule,
} from "../../entities/enums";

/** The shape of a plan data file under data/, checked before anything is written. */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, "must be a decimal written as a string");
const seedLine = z.number().int().positive();

const act = z.object({
  key: z.string().min(1),
  kind: z.nativeEnum(ActKind),
  number: z.string().nullable(),
  date: isoDate,
  subject: z.string().min(1),
  effect: z.nativeEnum(ActEffect),
  effectiveDate: isoDate.nullable(),
  seedLine: seedLine.nullable(),
});

const unit = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  kind: z.nativeEnum(OrgUnitKind),
  parent: z.string().nullable(),
  predecessor: z.string().nullable(),
  validFrom: isoDate.nullable(),
  validTo: isoDate.nullable(),
  annexPages: z.string().nullable(),
  head: z
    .object({ name: z.string().min(1), honorific: z.string().nullable(), validFrom: isoDate.nullable() })
    .nullable(),
  seedLine: seedLine.nullable(),
});

const objective = z.object({
  key: z.string().min(1),
  level: z.nativeEnum(ObjectiveLevel),
  heading: z.string().nullable(),
  healthGroup: z.nativeEnum(HealthGroup).nullable(),
  title: z.string().min(1),
  owner: z.string().nullable(),
  number: z.number().int().positive().nullable(),
  years: z.array(z.number().int()).min(1),
  collaborators: z.array(z.string()),
  unresolvedCollaborators: z.array(z.string()),
  parent: z.string().nullable(),
  status: z.nativeEnum(ObjectiveStatus),
  position: z.number().int().positive(),
  seedLine: seedLine.nullable(),
});

const kpi = z.object({
  code: z.string().min(1),
  objective: z.string().min(1),
  name: z.string().min(1),
  unit: z.nativeEnum(KpiUnit),
  direction: z.nativeEnum(KpiDirection),
  weight: decimal,
  frequency: z.nativeEnum(KpiFrequency),
  source: z.string().min(1),
  scoring: z.nativeEnum(ScoringRule),
  seedLine: seedLine.nullable(),
  targets: z.array(
    z.object({
      year: z.number().int(),
      description: z.string().min(1),
      items: z.array(z.string()),
      value: decimal.nullable(),
      /** The text says "> value": reaching the value exactly is not enough. */
      strict: z.boolean().optional(),
      act: z.string().min(1),
      seedLine: seedLine.nullable(),
    }),
  ),
});

const change = z.object({
  key: z.string().min(1),
  act: z.string().min(1),
  objective: z.string().min(1),
  kind: z.nativeEnum(PlanChangeKind),
  reason: z.nativeEnum(PlanChangeReason).nullable(),
  source: z.nativeEnum(PlanChangeSource),
  from: z.string().nullable(),
  to: z.string().nullable(),
  oldTitle: z.string().nullable(),
  newTitle: z.string().nullable(),
  effectiveDate: isoDate,
  citations: z.array(z.object({ page: z.number().int().nullable(), seedLine })).min(1),
  note: z.string().nullable(),
});

export const planDataSchema = z.object({
  administration: z.object({ code: z.string().min(1), name: z.string().min(1) }),
  plan: z.object({
    code: z.string().min(1),
    title: z.string().min(1),
    firstYear: z.number().int(),
    lastYear: z.number().int(),
  }),
  source: z.object({ file: z.string(), act: z.string(), note: z.string() }),
  acts: z.array(act),
  units: z.array(unit),
  objectives: z.array(objective),
  kpis: z.array(kpi),
  changes: z.array(change),
  ambiguities: z.array(
    z.object({ key: z.string().min(1), seedLine, issue: z.string().min(1), reading: z.string().min(1) }),
  ),
});

export type PlanData = z.infer<typeof planDataSchema>;
