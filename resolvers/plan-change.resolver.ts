import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Act } from "../entities/act.entity";
import { Objective } from "../entities/objective.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { PlanChange } from "../entities/plan-change.entity";
import { Context } from "../src/context";

@Resolver(() => PlanChange)
export class PlanChangeResolver {
  @FieldResolver(() => Act)
  async act(@Root() change: PlanChange, @Ctx() { loaders }: Context): Promise<Act> {
    return (await loaders.act.load(change.actId))!;
  }

  @FieldResolver(() => Objective)
  async objective(@Root() change: PlanChange, @Ctx() { loaders }: Context): Promise<Objective> {
    return (await loaders.objective.load(change.objectiveId))!;
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: "The unit that owned the objective before the change" })
  fromUnit(@Root() change: PlanChange, @Ctx() { loaders }: Context): Promise<OrgUnit | null> | null {
    return change.fromUnitId === null ? null : loaders.unit.load(change.fromUnitId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: "The unit that owns the objective after the change" })
  toUnit(@Root() change: PlanChange, @Ctx() { loaders }: Context): Promise<OrgUnit | null> | null {
    return change.toUnitId === null ? null : loaders.unit.load(change.toUnitId);
  }
}
