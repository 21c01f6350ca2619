import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Act } from "../entities/act.entity";
import { PlanChangeSource } from "../entities/enums";
import { PlanChange } from "../entities/plan-change.entity";
import { Context } from "../src/context";

@Resolver(() => Act)
export class ActResolver {
  @FieldResolver(() => [PlanChange], {
    description: "The changes the act made, optionally only those its annex lists or those implied",
  })
  async changes(
    @Root() act: Act,
    @Arg("source", () => PlanChangeSource, { nullable: true }) source: PlanChangeSource | null,
    @Ctx() { loaders }: Context,
  ): Promise<PlanChange[]> {
    const changes = await loaders.changesByAct.load(act.id);
    return source == null ? changes : changes.filter((c) => c.source === source);
  }
}
