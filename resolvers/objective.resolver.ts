import { Arg, Args, Authorized, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Kpi } from "../entities/kpi.entity";
import { Objective } from "../entities/objective.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { PlanChange } from "../entities/plan-change.entity";
import { LocalDate } from "../entities/scalars";
import { Target } from "../entities/target.entity";
import { Context } from "../src/context";
import { invalidInput } from "../src/errors";
import { listObjectives } from "../src/plan/objective-list";
import { checkPlanYear } from "../src/plan/plan-years";
import { owningUnitOn } from "../src/plan/ownership";
import { Connection } from "./types/connection";
import { READERS } from "../src/auth/auth-checker";
import { ObjectiveArgs, ObjectivesArgs } from "./types/objective-filter.input";
import { decodeCursor, encodeCursor, pageSize, parseId } from "../src/pagination";

@ObjectType()
export class ObjectiveConnection extends Connection(Objective) {}

@Resolver(() => Objective)
export class ObjectiveResolver {
  @Authorized(READERS)
  @Query(() => ObjectiveConnection, { description: "The plan's objectives in document order, filtered and paginated" })
  async objectives(
    @Args() args: ObjectivesArgs,
    @Ctx() { dataSource, planYears }: Context,
  ): Promise<ObjectiveConnection> {
    if (args.year !== undefined) checkPlanYear(await planYears(), args.year);
    const size = pageSize(args.first);
    const after = args.after == null ? null : decodeCursor(args.after);
    const page = await listObjectives(dataSource, args, after, size);
    const last = page.nodes[page.nodes.length - 1];
    return {
      totalCount: page.totalCount,
      nodes: page.nodes,
      pageInfo: { endCursor: last ? encodeCursor(last.position) : null, hasNextPage: page.hasNextPage },
    };
  }

  @Authorized(READERS)
  @Query(() => Objective, {
    nullable: true,
    description: "An objective by its id or by its stable key (e.g. DIR-EDU-2019-14)",
  })
  async objective(
    @Args() { id, key }: ObjectiveArgs,
    @Ctx() { loaders, dataSource }: Context,
  ): Promise<Objective | null> {
    if ((id == null) === (key == null)) throw invalidInput("id", "give either id or key, not both or neither");
    if (id != null) return loaders.objective.load(parseId("id", id));
    return dataSource.manager.findOneBy(Objective, { key: key! });
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description:
      "The directorate that owns it: as the plan stands now, or on the date given (as the organisation stood that day)",
  })
  async owner(
    @Root() objective: Objective,
    @Arg("asOf", () => LocalDate, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<OrgUnit | null> {
    if (asOf == null) return objective.ownerUnitId === null ? null : loaders.unit.load(objective.ownerUnitId);
    const [changes, units] = await Promise.all([loaders.changesByObjective.load(objective.id), loaders.allUnits()]);
    const owner = owningUnitOn(changes, asOf, units);
    return owner === null ? null : units.get(owner)!;
  }

  @FieldResolver(() => [OrgUnit], { description: "Units named as collaborators" })
  async collaborators(@Root() objective: Objective, @Ctx() { loaders }: Context): Promise<OrgUnit[]> {
    const links = await loaders.collaboratorsByObjective.load(objective.id);
    const units = await loaders.unit.loadMany(links.map((l) => l.unitId));
    return units.filter((u): u is OrgUnit => u instanceof OrgUnit);
  }

  @FieldResolver(() => [Int], { description: "The years it applies to" })
  async years(@Root() objective: Objective, @Ctx() { loaders }: Context): Promise<number[]> {
    return (await loaders.yearsByObjective.load(objective.id)).map((y) => y.year);
  }

  @FieldResolver(() => Objective, { nullable: true, description: "The higher objective it serves" })
  parent(@Root() objective: Objective, @Ctx() { loaders }: Context): Promise<Objective | null> | null {
    return objective.parentId === null ? null : loaders.objective.load(objective.parentId);
  }

  @FieldResolver(() => [Objective], { description: "The objectives that serve it" })
  children(@Root() objective: Objective, @Ctx() { loaders }: Context): Promise<Objective[]> {
    return loaders.childrenByObjective.load(objective.id);
  }

  @FieldResolver(() => [Kpi])
  kpis(@Root() objective: Objective, @Ctx() { loaders }: Context): Promise<Kpi[]> {
    return loaders.kpisByObjective.load(objective.id);
  }

  @FieldResolver(() => [Target], { description: "The targets of its KPIs, optionally for one year" })
  async targets(
    @Root() objective: Objective,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Ctx() { loaders }: Context,
  ): Promise<Target[]> {
    const kpis = await loaders.kpisByObjective.load(objective.id);
    const targets = (await loaders.targetsByKpi.loadMany(kpis.map((k) => k.id))).flatMap((t) =>
      Array.isArray(t) ? t : [],
    );
    return year == null ? targets : targets.filter((t) => t.year === year);
  }

  @FieldResolver(() => [PlanChange], {
    description: "Every change to it, oldest first: created, transferred, renamed, updated, removed",
  })
  history(@Root() objective: Objective, @Ctx() { loaders }: Context): Promise<PlanChange[]> {
    return loaders.changesByObjective.load(objective.id);
  }
}
