import { IsOptional, Matches, Max, MaxLength, Min, MinLength } from "class-validator";
import { Field, InputType, Int } from "type-graphql";
import { KpiDirection, KpiFrequency, KpiUnit, ScoringRule } from "../../entities/enums";
import { Decimal, LocalDate } from "../../entities/scalars";
import { ChangeBasisInput } from "./plan-change.input";

const CODE = /^[A-Z0-9][A-Z0-9._/-]{0,63}$/;
const codeMessage = (field: string) => ({
  message: `${field} must be a code of capitals, digits, . _ / - (at most 64)`,
});

/** What a KPI and a phase both name: their objective, their code and their name. */
@InputType()
abstract class SchedaElementInput extends ChangeBasisInput {
  @Field()
  @Matches(CODE, codeMessage("objectiveKey"))
  objectiveKey!: string;

  @Field()
  @Matches(CODE, codeMessage("code"))
  code!: string;

  @Field()
  @MinLength(3)
  @MaxLength(2000)
  name!: string;
}

@InputType({
  description: "A KPI of an objective's scheda, as the act states it (created, or changed if its code exists)",
})
export class DefineKpiInput extends SchedaElementInput {
  @Field(() => KpiUnit)
  unit!: KpiUnit;

  @Field(() => KpiDirection)
  direction!: KpiDirection;

  @Field(() => Decimal, { description: "Weight in its objective" })
  weight!: string;

  @Field(() => KpiFrequency, { defaultValue: KpiFrequency.YEARLY })
  frequency!: KpiFrequency;

  @Field({ defaultValue: "MANUAL", description: "MANUAL, or the key of the job that feeds it" })
  @MaxLength(64)
  source!: string;

  @Field(() => ScoringRule, { defaultValue: ScoringRule.LINEAR })
  scoring!: ScoringRule;
}

@InputType({ description: "A KPI's target for a year, in force from the change's effective date" })
export class SetTargetInput extends ChangeBasisInput {
  @Field()
  @Matches(CODE, codeMessage("kpiCode"))
  kpiCode!: string;

  @Field(() => Int)
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field(() => String, { nullable: true, description: "The target in words; a default is written from the numbers" })
  @IsOptional()
  @MaxLength(2000)
  description?: string;

  @Field(() => Decimal, { nullable: true })
  value?: string;

  @Field(() => Decimal, { nullable: true, description: "Floor (HIGHER_IS_BETTER) or ceiling (LOWER_IS_BETTER)" })
  bound?: string;

  @Field({ defaultValue: false, description: 'The target must be exceeded ("> 70%")' })
  strict!: boolean;

  @Field(() => Decimal, { nullable: true, description: "RANGE: lower bound" })
  low?: string;

  @Field(() => Decimal, { nullable: true, description: "RANGE: upper bound" })
  high?: string;

  @Field(() => Decimal, { nullable: true, description: "RANGE: how far outside credit falls to 0" })
  tolerance?: string;
}

@InputType({ description: "A phase of an objective's cronoprogramma (created, or changed if its code exists)" })
export class DefinePhaseInput extends SchedaElementInput {
  @Field(() => LocalDate)
  plannedDate!: string;

  @Field(() => Decimal)
  weight!: string;
}

@InputType({ description: "Takes a phase out of the cronoprogramma" })
export class RemovePhaseInput extends ChangeBasisInput {
  @Field()
  @Matches(CODE, codeMessage("code"))
  code!: string;
}
