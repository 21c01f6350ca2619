import { ArrayMaxSize, IsOptional, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { ActKind, ObjectiveLevel, PlanChangeReason } from "../../entities/enums";
import { LocalDate } from "../../entities/scalars";
import { ChangeBasis } from "../../src/plan/act-basis";
import { UNIT_CODE } from "./objective-filter.input";

@InputType({ description: "The act a change rests on; recorded if new (then its subject is needed)" })
export class ActInput {
  @Field(() => ActKind)
  kind!: ActKind;

  @Field()
  @Matches(/^[0-9A-Za-z/-]{1,16}$/, { message: "number must be the act's number, such as 2187" })
  number!: string;

  @Field(() => LocalDate)
  date!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(3)
  @MaxLength(1000)
  subject?: string;
}

@InputType()
export abstract class ChangeBasisInput {
  /** The domain's reading of the input: the act, the reason, when, where the annex states it. */
  static basis(input: ChangeBasisInput): ChangeBasis {
    return {
      act: { kind: input.act.kind, number: input.act.number, date: input.act.date, subject: input.act.subject ?? null },
      reason: input.reason,
      effectiveDate: input.effectiveDate ?? null,
      annexPage: input.annexPage ?? null,
      note: input.note ?? null,
    };
  }

  @Field(() => ActInput)
  @ValidateNested()
  act!: ActInput;

  @Field(() => PlanChangeReason)
  reason!: PlanChangeReason;

  @Field(() => LocalDate, { nullable: true, description: "When the change takes effect; the act's date if left out" })
  effectiveDate?: string;

  @Field(() => Int, { nullable: true, description: "The page of the act's annex that states the change" })
  @IsOptional()
  @Min(1)
  @Max(10000)
  annexPage?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string;
}

@InputType()
abstract class ObjectiveChangeInput extends ChangeBasisInput {
  @Field(() => ID)
  objectiveId!: string;
}

const unitCodes = { each: true, message: "each code must be a unit code such as EDU" };

@InputType()
export class CreateObjectiveInput extends ChangeBasisInput {
  @Field(() => ObjectiveLevel)
  level!: ObjectiveLevel;

  @Field()
  @MinLength(3)
  @MaxLength(2000)
  title!: string;

  @Field(() => String, { nullable: true, description: "The owning directorate (required for DIREZIONE)" })
  @IsOptional()
  @Matches(UNIT_CODE, { message: "unitCode must be a unit code such as EDU" })
  unitCode?: string;

  @Field(() => [Int])
  @ArrayMaxSize(10)
  @Min(1990, { each: true })
  @Max(2100, { each: true })
  years!: number[];

  @Field(() => Int, { nullable: true, description: "Its number in the list; the next free one if left out" })
  @IsOptional()
  @Min(1)
  @Max(999)
  number?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  heading?: string;

  @Field(() => [String], { defaultValue: [] })
  @ArrayMaxSize(40)
  @Matches(UNIT_CODE, unitCodes)
  collaboratorCodes!: string[];

  @Field(() => String, { nullable: true, description: "The key of the objective it serves" })
  @IsOptional()
  @Matches(/^[A-Z0-9-]{1,64}$/, { message: "parentKey must be an objective key" })
  parentKey?: string;
}

@InputType()
export class TransferObjectiveInput extends ObjectiveChangeInput {
  @Field()
  @Matches(UNIT_CODE, { message: "toUnitCode must be a unit code such as EDU" })
  toUnitCode!: string;
}

@InputType()
export class RenameObjectiveInput extends ObjectiveChangeInput {
  @Field()
  @MinLength(3)
  @MaxLength(2000)
  newTitle!: string;
}

@InputType()
export class UpdateObjectiveInput extends ObjectiveChangeInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MinLength(3)
  @MaxLength(2000)
  newTitle?: string;

  @Field(() => [Int], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10)
  @Min(1990, { each: true })
  @Max(2100, { each: true })
  years?: number[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(40)
  @Matches(UNIT_CODE, unitCodes)
  collaboratorCodes?: string[];
}

@InputType()
export class RemoveObjectiveInput extends ObjectiveChangeInput {}
