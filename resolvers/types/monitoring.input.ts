import { ArrayMaxSize, IsOptional, Matches, MaxLength, MinLength, ValidateNested } from "class-validator";
import { Field, InputType } from "type-graphql";
import { PhaseProgress } from "../../entities/enums";
import { Decimal, LocalDate } from "../../entities/scalars";
import { UNIT_CODE } from "./objective-filter.input";

const CODE = /^[A-Z0-9][A-Z0-9._/-]{0,95}$/;

@InputType({ description: "A phase's progress at the monitoring date" })
export class PhaseReportInput {
  @Field()
  @Matches(CODE, { message: "phaseCode must be a phase code" })
  phaseCode!: string;

  @Field(() => PhaseProgress)
  progress!: PhaseProgress;

  @Field(() => LocalDate, { nullable: true, description: "DONE: the day it was done; LATE: the day now expected" })
  date?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  evidence?: string;
}

@InputType({ description: "A KPI's value for the year as known at the monitoring date" })
export class KpiValueInput {
  @Field()
  @Matches(CODE, { message: "kpiCode must be a KPI code" })
  kpiCode!: string;

  @Field(() => Decimal)
  value!: string;
}

@InputType({ description: "A gap from target: its reason and the corrective action" })
export class GapReportInput {
  @Field(() => String, { nullable: true, description: "The KPI off target; left out for the objective as a whole" })
  @IsOptional()
  @Matches(CODE, { message: "kpiCode must be a KPI code" })
  kpiCode?: string;

  @Field()
  @MinLength(3)
  @MaxLength(4000)
  reason!: string;

  @Field()
  @MinLength(3)
  @MaxLength(4000)
  correctiveAction!: string;
}

@InputType({ description: "A directorate's monitoring report on one objective at a monitoring date" })
export class MonitoringReportInput {
  @Field()
  @Matches(CODE, { message: "objectiveKey must be an objective key" })
  objectiveKey!: string;

  @Field()
  @Matches(UNIT_CODE, { message: "unitCode must be a unit code such as EDU" })
  unitCode!: string;

  @Field(() => LocalDate)
  monitoringDate!: string;

  @Field(() => [PhaseReportInput], { defaultValue: [] })
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  phases!: PhaseReportInput[];

  @Field(() => [KpiValueInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  values!: KpiValueInput[];

  @Field(() => [GapReportInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  gaps!: GapReportInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(4000)
  note?: string;
}
