import { ActResolver } from "./act.resolver";
import { ReminderResolver } from "./reminder.resolver";
import { SourceAlertResolver } from "./source-alert.resolver";
import {
  AttainmentResolver,
  ObjectiveAttainmentDetailResolver,
  ObjectiveAttainmentResolver,
  OrgUnitAttainmentResolver,
} from "./attainment.resolver";
import { AuditResolver } from "./audit.resolver";
import { ActRecordResolver, CycleResolver, ReviewResolver } from "./cycle.resolver";
import { JobRunResolver } from "./job.resolver";
import { KpiResolver } from "./kpi.resolver";
import { LabelResolver } from "./label.resolver";
import { MeasurementResolver } from "./measurement.resolver";
import { MonitoringResolver, ObjectiveMonitoringResolver, PhaseResolver } from "./monitoring.resolver";
import { ObjectiveResolver } from "./objective.resolver";
import { PeopleResolver } from "./people.resolver";
import { OrgUnitResolver } from "./org-unit.resolver";
import { PlanChangeMutations } from "./plan-change.mutations";
import { PlanChangeResolver } from "./plan-change.resolver";
import { PlanImportMutations } from "./plan-import.mutations";
import { PlanResolver } from "./plan.resolver";
import { SchedaMutations } from "./scheda.mutations";
import { StatutoryResolver } from "./statutory.resolver";
import { TargetResolver } from "./target.resolver";

export const resolvers = [
  PlanResolver,
  ActResolver,
  PlanChangeResolver,
  ObjectiveResolver,
  OrgUnitResolver,
  KpiResolver,
  TargetResolver,
  MeasurementResolver,
  PlanChangeMutations,
  SchedaMutations,
  MonitoringResolver,
  PhaseResolver,
  ObjectiveMonitoringResolver,
  PlanImportMutations,
  AuditResolver,
  AttainmentResolver,
  LabelResolver,
  ObjectiveAttainmentResolver,
  ObjectiveAttainmentDetailResolver,
  OrgUnitAttainmentResolver,
  JobRunResolver,
  CycleResolver,
  ActRecordResolver,
  ReviewResolver,
  PeopleResolver,
  StatutoryResolver,
  ReminderResolver,
  SourceAlertResolver,
] as const;

// Optional arguments arrive as undefined when omitted and as null when sent as null: resolvers
// test them with `== null`, which covers both.
