import { Field, ObjectType } from "type-graphql";
import { LocalDate } from "../../entities/scalars";

@ObjectType({ description: "How fresh a KPI's values are: the latest period measured and when the next is due" })
export class KpiFreshness {
  @Field(() => String, { nullable: true, description: "The latest period with a value, e.g. 2019-Q4; null: none yet" })
  lastPeriod!: string | null;

  @Field(() => Date, { nullable: true, description: "When that value was recorded" })
  lastRecordedAt!: Date | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: "The day the next period's value is due by: its end plus 30 days",
  })
  expectedBy!: string | null;

  @Field({ description: "Today is past the day the next value was due by" })
  overdue!: boolean;
}
