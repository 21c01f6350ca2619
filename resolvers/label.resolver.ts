import { Arg, Authorized, Field, ObjectType, Query, Resolver } from "type-graphql";
import { READERS } from "../src/auth/auth-checker";
import { ENUM_LABELS } from "../src/enum-labels";
import { invalidInput } from "../src/errors";

@ObjectType({ description: "A value of an enum and how to show it in Italian" })
class EnumValueLabel {
  @Field({ description: "The value as the API sends it, e.g. INCOMPLETE" }) value!: string;
  @Field({ description: "Its Italian label, e.g. Incompleto" }) label!: string;
}

@ObjectType({ description: "An enum of the API with the Italian label of each value" })
class EnumLabels {
  @Field({ description: "The enum's name in the schema, e.g. AttainmentStatus" }) name!: string;
  @Field(() => [EnumValueLabel]) values!: EnumValueLabel[];
}

@Resolver()
export class LabelResolver {
  @Authorized(READERS)
  @Query(() => [EnumLabels], {
    description: "The Italian labels of the API's enum values, for dashboards to show: every enum, or the one named",
  })
  labels(@Arg("enum", () => String, { nullable: true }) name: string | null): EnumLabels[] {
    const names = name == null ? Object.keys(ENUM_LABELS) : [name];
    return names.map((enumName) => {
      const labels = Object.hasOwn(ENUM_LABELS, enumName) ? ENUM_LABELS[enumName] : undefined;
      if (!labels) throw invalidInput("enum", `no enum of the API is called ${JSON.stringify(enumName).slice(0, 80)}`);
      return { name: enumName, values: Object.entries(labels).map(([value, label]) => ({ value, label })) };
    });
  }
}
