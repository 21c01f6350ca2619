import { Matches, Max, MaxLength, Min } from "class-validator";
import { ArgsType, Field, ID, Int } from "type-graphql";
import { ObjectiveLevel, ObjectiveStatus } from "../../entities/enums";

export const UNIT_CODE = /^[A-Z0-9-]{1,32}$/;

@ArgsType()
export class ObjectivesArgs {
  @Field(() => ObjectiveLevel, { nullable: true })
  level?: ObjectiveLevel;

  @Field(() => Int, { nullable: true, description: "Only objectives that apply to this year" })
  @Min(1990)
  @Max(2100)
  year?: number;

  @Field(() => String, {
    nullable: true,
    description: "Only objectives the unit of this name owns as the plan stands now",
  })
  @MaxLength(200)
  unitName?: string;

  @Field(() => String, {
    nullable: true,
    description: "Only objectives the unit of this code owns as the plan stands now",
  })
  @Matches(UNIT_CODE, { message: "unitCode must be a unit code such as EDU" })
  unitCode?: string;

  @Field(() => ObjectiveStatus, { nullable: true, description: "ACTIVE (the default) or REMOVED" })
  status?: ObjectiveStatus;

  @Field(() => Int, { nullable: true, description: "Page size, 1 to 500 (default 50)" })
  first?: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  @MaxLength(100)
  after?: string;
}

@ArgsType()
export class ObjectiveArgs {
  @Field(() => ID, { nullable: true })
  id?: string;

  @Field(() => String, { nullable: true, description: "The objective's stable key, e.g. DIR-EDU-2019-14" })
  @Matches(/^[A-Z0-9-]{1,64}$/, { message: "key must be an objective key such as DIR-EDU-2019-14" })
  key?: string;
}
