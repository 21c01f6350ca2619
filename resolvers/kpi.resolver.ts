import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Kpi } from "../entities/kpi.entity";
import { Objective } from "../entities/objective.entity";
import { Target } from "../entities/target.entity";
import { Context } from "../src/context";

@Resolver(() => Kpi)
export class KpiResolver {
  @FieldResolver(() => Objective)
  async objective(@Root() kpi: Kpi, @Ctx() { loaders }: Context): Promise<Objective> {
    return (await loaders.objective.load(kpi.objectiveId))!;
  }

  @FieldResolver(() => [Target], { description: "One target per year" })
  targets(@Root() kpi: Kpi, @Ctx() { loaders }: Context): Promise<Target[]> {
    return loaders.targetsByKpi.load(kpi.id);
  }
}
