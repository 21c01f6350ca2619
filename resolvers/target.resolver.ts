import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Act } from "../entities/act.entity";
import { Kpi } from "../entities/kpi.entity";
import { Target } from "../entities/target.entity";
import { Context } from "../src/context";

@Resolver(() => Target)
export class TargetResolver {
  @FieldResolver(() => Kpi)
  async kpi(@Root() target: Target, @Ctx() { loaders }: Context): Promise<Kpi> {
    const kpis = await loaders.kpiById.load(target.kpiId);
    return kpis!;
  }

  @FieldResolver(() => Act, { description: "The act that set the target" })
  async act(@Root() target: Target, @Ctx() { loaders }: Context): Promise<Act> {
    return (await loaders.act.load(target.actId))!;
  }
}
