import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import { Kpi } from "../entities/kpi.entity";
import { Measurement } from "../entities/measurement.entity";
import { Objective } from "../entities/objective.entity";
import { Target } from "../entities/target.entity";
import { Context } from "../src/context";
import { todayInRome } from "../src/dates";
import { freshnessOf } from "../src/measurement/freshness";
import { KpiFreshness } from "./types/kpi-freshness.types";

@Resolver(() => Kpi)
export class KpiResolver {
  @FieldResolver(() => Objective)
  async objective(@Root() kpi: Kpi, @Ctx() { loaders }: Context): Promise<Objective> {
    return (await loaders.objective.load(kpi.objectiveId))!;
  }

  @FieldResolver(() => [Measurement], {
    description:
      "Its values in force, by period; optionally for one year, and only the whole (no breakdown) unless asked",
  })
  async measurements(
    @Root() kpi: Kpi,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Arg("withBreakdowns", { defaultValue: false }) withBreakdowns: boolean,
    @Ctx() { loaders }: Context,
  ): Promise<Measurement[]> {
    const values = await loaders.measurementsByKpi.load(kpi.id, year ?? null);
    return withBreakdowns ? values : values.filter((m) => m.breakdown === null);
  }

  @FieldResolver(() => KpiFreshness, { description: "Its latest period measured, and when the next value is due" })
  async freshness(@Root() kpi: Kpi, @Ctx() { loaders }: Context): Promise<KpiFreshness> {
    return freshnessOf(kpi.frequency, await loaders.latestValueByKpi.load(kpi.id), todayInRome());
  }

  @FieldResolver(() => [Target], { description: "One target per year" })
  targets(@Root() kpi: Kpi, @Ctx() { loaders }: Context): Promise<Target[]> {
    return loaders.targetsByKpi.load(kpi.id);
  }
}
