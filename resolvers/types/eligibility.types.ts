import { IsOptional, Matches, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, Float, Int, ObjectType } from "type-graphql";
import { Employee } from "../../entities/employee.entity";
import { StaffCategory } from "../../entities/enums";
import { OrgUnit } from "../../entities/org-unit.entity";
import { Decimal, LocalDate } from "../../entities/scalars";
import { Connection } from "./connection";
import { UNIT_CODE } from "./objective-filter.input";

@ObjectType({ description: "A stretch of the year in a unit, and the unit's score it brings" })
export class EligibilityAssignment {
  @Field(() => OrgUnit, { description: "The unit; its attainment(year) explains the score down to each KPI value" })
  unit!: OrgUnit;
  @Field(() => OrgUnit, {
    nullable: true,
    description: "The unit it is scored as (a unit renamed during the year: its successor)",
  })
  scoredAs!: OrgUnit | null;
  @Field(() => LocalDate) from!: string;
  @Field(() => LocalDate) to!: string;
  @Field(() => Int) days!: number;
  @Field(() => Float) share!: number;
  @Field(() => Float, { nullable: true }) unitScore!: number | null;
}

@ObjectType({
  description:
    "An employee's incentive eligibility for the part of a year spent in one category (personal data); frozen from the Nucleo's validation on",
})
export class EligibilityView {
  @Field(() => Employee) employee!: Employee;
  @Field(() => StaffCategory, { description: "The category held over these assignments" }) category!: StaffCategory;
  @Field({ description: "COMPLETE, or INCOMPLETE with what is missing" }) status!: string;
  @Field(() => String, { nullable: true }) missing!: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: "Whether the administration reached its Obiettivi Solidali; null while that cannot be judged",
  })
  gateOpen!: boolean | null;
  @Field(() => Float, { nullable: true, description: "Day-weighted over the assignments" }) unitScore!: number | null;
  @Field(() => Float, { nullable: true }) individualScore!: number | null;
  @Field(() => Float, { nullable: true }) composite!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: "The share the category's fund is split by: the premium plus any art. 69 maggiorazione",
  })
  payableShare!: number | null;
  @Field(() => Float, { nullable: true, description: "The art. 69 maggiorazione within payableShare" })
  maggiorazione!: number | null;
  @Field(() => Int, { nullable: true, description: "Place in the art. 69 order of merit of the category's paid staff" })
  art69Rank!: number | null;
  @Field(() => Decimal, {
    nullable: true,
    description: "Euros to the cent from the category's fund; null when INCOMPLETE or the category has no fund",
  })
  amount!: string | null;
  @Field(() => Float, { description: "Days in service, weighted by the share of time" }) days!: number;
  @Field(() => Int) ruleSetVersion!: number;
  @Field({ description: "True until the Nucleo di Valutazione validated the year" }) provisional!: boolean;
  @Field(() => [EligibilityAssignment]) assignments!: EligibilityAssignment[];
  @Field(() => [String], {
    description:
      "The computation in words; each unit's attainment(year) goes on down to KPI values, runs, targets and acts",
  })
  explain!: string[];
}

@ObjectType()
export class EligibilityConnection extends Connection(EligibilityView) {}

@ObjectType({ description: "What became of a category's fund" })
export class FundReport {
  @Field(() => StaffCategory) category!: StaffCategory;
  @Field({ description: "The act that set the fund" }) actKey!: string;
  @Field(() => Decimal, { description: "Euros" }) fund!: string;
  @Field(() => Decimal, { description: "Euros paid: the amounts add up to it to the cent" }) paid!: string;
  @Field(() => Decimal) undistributed!: string;
  @Field(() => String, { nullable: true, description: "Why some of the fund is not paid out" }) reason!: string | null;
  @Field(() => Int, { description: "INCOMPLETE eligibilities of the category, which get no amount" })
  incomplete!: number;
}

@ObjectType({ description: "CCNL Funzioni Locali 21/05/2018 art. 69 in a category" })
export class DifferentiationReport {
  @Field(() => StaffCategory) category!: StaffCategory;
  @Field(() => Int) paid!: number;
  @Field(() => Int, { description: "The quota's places among those paid: a hard cap" }) places!: number;
  @Field(() => Int) uplifted!: number;
  @Field(() => Float, { description: "The average premium of the category's paid staff, before the maggiorazione" })
  averagePremium!: number;
  @Field(() => Float, { description: "What each of the uplifted gets on top: uplift × averagePremium" })
  maggiorazione!: number;
  @Field({ description: "How ties at the cut-off are broken (as the payroll file says)" }) tieRule!: string;
}

@ObjectType()
export class ScoreCount {
  @Field(() => Float) score!: number;
  @Field(() => Int) count!: number;
}

@ObjectType({
  description:
    "How the individual evaluations of a category in a unit are spread (D.Lgs. 150/2009 art. 18), for the Nucleo to judge",
})
export class EvaluationGroupView {
  @Field(() => StaffCategory) category!: StaffCategory;
  @Field(() => OrgUnit, { description: "Where the people were scored at the end of their time in the category" })
  unit!: OrgUnit;
  @Field(() => Int) evaluated!: number;
  @Field(() => Int) distinctScores!: number;
  @Field(() => Float) minScore!: number;
  @Field(() => Float) meanScore!: number;
  @Field(() => Float) topScore!: number;
  @Field(() => Float, { description: "The share of the group at its top score" }) shareAtTop!: number;
  @Field(() => [ScoreCount], { description: "Each score given, highest first" }) scores!: ScoreCount[];
  @Field(() => Float, { nullable: true }) compositeMin!: number | null;
  @Field(() => Float, { nullable: true }) compositeMean!: number | null;
  @Field(() => Float, { nullable: true }) compositeMax!: number | null;
}

@ObjectType({ description: "A year's eligibility at a glance: the funds, art. 69, the evaluations, and warnings" })
export class EligibilityReport {
  @Field(() => Int) year!: number;
  @Field() provisional!: boolean;
  @Field(() => Int) ruleSetVersion!: number;
  @Field(() => Boolean, { nullable: true }) gateOpen!: boolean | null;
  @Field(() => Int, { description: "Employees with an assignment in the year" }) employees!: number;
  @Field(() => Int, { description: "Eligibilities: one per employee and category held in the year" })
  eligibilities!: number;
  @Field(() => Int) incomplete!: number;
  @Field(() => Int) paid!: number;
  @Field(() => [FundReport]) funds!: FundReport[];
  @Field(() => [DifferentiationReport]) differentiation!: DifferentiationReport[];
  @Field(() => [EvaluationGroupView]) evaluations!: EvaluationGroupView[];
  @Field(() => [String]) warnings!: string[];
}

@ArgsType()
export class EligibilityArgs {
  @Field(() => Int) @Min(1990) @Max(2100) year!: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(UNIT_CODE, { message: "unitCode must be a unit code such as EDU" })
  unitCode?: string;
  @Field(() => StaffCategory, { nullable: true }) category?: StaffCategory;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(32) employeeCode?: string;
  @Field(() => Int, { nullable: true }) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) after?: string;
}
