import { Act } from "./act.entity";
import { AlertNotice } from "./alert-notice.entity";
import { Administration } from "./administration.entity";
import { Ambiguity } from "./ambiguity.entity";
import { AppropriationBase } from "./appropriation-base.entity";
import { Assignment } from "./assignment.entity";
import { AuditEvent } from "./audit-event.entity";
import { CycleSnapshot } from "./cycle-snapshot.entity";
import { CycleTransition } from "./cycle-transition.entity";
import { DataVersion } from "./data-version.entity";
import { Employee } from "./employee.entity";
import { FrozenEligibility } from "./frozen-eligibility.entity";
import { FrozenScore } from "./frozen-score.entity";
import { EvaluationCycle } from "./evaluation-cycle.entity";
import { IncentiveRuleSet } from "./incentive-rule-set.entity";
import { IndividualAssessment } from "./individual-assessment.entity";
import { JobLease } from "./job-lease.entity";
import { JobRun } from "./job-run.entity";
import { Kpi } from "./kpi.entity";
import { Measurement } from "./measurement.entity";
import { MonitoringReport } from "./monitoring-report.entity";
import { ObjectiveCollaborator } from "./objective-collaborator.entity";
import { ObjectiveYear } from "./objective-year.entity";
import { Objective } from "./objective.entity";
import { OrgUnitHead } from "./org-unit-head.entity";
import { OrgUnit } from "./org-unit.entity";
import { PersonEmail } from "./person-email.entity";
import { Person } from "./person.entity";
import { Phase } from "./phase.entity";
import { PlanChange } from "./plan-change.entity";
import { Plan } from "./plan.entity";
import { Publication } from "./publication.entity";
import { RejectedRow } from "./rejected-row.entity";
import { Reminder } from "./reminder.entity";
import { SourceAlert } from "./source-alert.entity";
import { Review } from "./review.entity";
import { RowWarning } from "./row-warning.entity";
import { Target } from "./target.entity";

export const entities = [
  Administration,
  Plan,
  Act,
  PlanChange,
  OrgUnit,
  OrgUnitHead,
  Person,
  Objective,
  ObjectiveYear,
  ObjectiveCollaborator,
  Kpi,
  Target,
  Phase,
  Measurement,
  MonitoringReport,
  JobRun,
  JobLease,
  RejectedRow,
  RowWarning,
  AppropriationBase,
  Publication,
  AuditEvent,
  Ambiguity,
  EvaluationCycle,
  CycleTransition,
  Review,
  Employee,
  Assignment,
  IndividualAssessment,
  IncentiveRuleSet,
  CycleSnapshot,
  FrozenEligibility,
  DataVersion,
  FrozenScore,
  PersonEmail,
  Reminder,
  SourceAlert,
  AlertNotice,
];
