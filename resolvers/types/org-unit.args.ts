import { Matches } from "class-validator";
import { ArgsType, Field } from "type-graphql";
import { OrgUnitKind } from "../../entities/enums";
import { LocalDate } from "../../entities/scalars";
import { UNIT_CODE } from "./objective-filter.input";

@ArgsType()
export class OrgUnitsArgs {
  @Field(() => LocalDate, {
    nullable: true,
    description: "The day to show the organisation as of (default: today in Milan)",
  })
  asOf?: string;

  @Field(() => OrgUnitKind, { nullable: true })
  kind?: OrgUnitKind;
}

@ArgsType()
export class OrgUnitArgs {
  @Field()
  @Matches(UNIT_CODE, { message: "code must be a unit code such as EDU" })
  code!: string;

  @Field(() => LocalDate, { nullable: true })
  asOf?: string;
}
