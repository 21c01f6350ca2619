import { ArgsType, Field, Int } from "type-graphql";
import { ObjectiveLevel, ObjectiveStatus } from "../../entities/enums";

@ArgsType()
export class ObjectivesArgs {
  @Field(() => ObjectiveLevel, { nullable: true })
  level?: ObjectiveLevel;

  @Field(() => Int, { nullable: true, description: "Only objectives that apply to this year" })
  year?: number;

  @Field(() => String, { nullable: true, description: "Only objectives the unit of this name owns as the plan stands now" })
  unitName?: string;

  @Field(() => String, { nullable: true, description: "Only objectives the unit of this code owns as the plan stands now" })
  unitCode?: string;

  @Field(() => ObjectiveStatus, { nullable: true, description: "ACTIVE (the default) or REMOVED" })
  status?: ObjectiveStatus;

  @Field(() => Int, { nullable: true, description: "Page size, 1 to 500 (default 50)" })
  first?: number;

  @Field(() => String, { nullable: true, description: "The endCursor of the previous page" })
  after?: string;
}
