import { IsOptional, Matches, Max, MaxLength, Min, MinLength } from "class-validator";
import { ArgsType, Field, ID, InputType, Int } from "type-graphql";
import { PeriodKind } from "../../entities/enums";
import { Decimal } from "../../entities/scalars";
import { UNIT_CODE } from "./objective-filter.input";

@InputType({ description: "A KPI value for a period, entered by a person" })
export class RecordMeasurementInput {
  @Field()
  @Matches(/^[A-Z0-9-]{1,64}$/, { message: "kpiCode must be a KPI code such as SOL-PIANO-QUARTIERI" })
  kpiCode!: string;

  @Field(() => Int)
  @Min(1990)
  @Max(2100)
  year!: number;

  @Field(() => PeriodKind)
  periodKind!: PeriodKind;

  @Field(() => Int, { nullable: true, description: "Quarter 1-4 or month 1-12; leave out for the whole year" })
  periodIndex?: number;

  @Field(() => String, { nullable: true, description: "The unit measured, for KPIs measured per unit" })
  @IsOptional()
  @Matches(UNIT_CODE, { message: "unitCode must be a unit code such as EDU" })
  unitCode?: string;

  @Field(() => Decimal)
  value!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  reason?: string;
}

@InputType({ description: "A corrected value: it supersedes the one given, which is kept" })
export class CorrectMeasurementInput {
  @Field(() => ID)
  measurementId!: string;

  @Field(() => Decimal)
  value!: string;

  @Field({ description: "Why the value is corrected" })
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}

@ArgsType()
export class MeasurementsArgs {
  @Field()
  @Matches(/^[A-Z0-9-]{1,64}$/, { message: "kpiCode must be a KPI code such as SOL-PIANO-QUARTIERI" })
  kpiCode!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @Min(1990)
  @Max(2100)
  year?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(UNIT_CODE, { message: "unitCode must be a unit code such as EDU" })
  unitCode?: string;

  @Field({ defaultValue: false, description: "Include the values later corrected" })
  includeSuperseded!: boolean;
}
