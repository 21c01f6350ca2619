import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { roundForDisplay } from "../src/display-decimal";
import { Role } from "../entities/enums";
import { JobRun } from "../entities/job-run.entity";
import { Kpi } from "../entities/kpi.entity";
import { Measurement } from "../entities/measurement.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { READERS } from "../src/auth/auth-checker";
import { Context } from "../src/context";
import { invalidInput, notFound } from "../src/errors";
import { listMeasurements } from "../src/measurement/list-measurements";
import { correctMeasurement, recordMeasurement } from "../src/measurement/record-measurement";
import { CorrectMeasurementInput, MeasurementsArgs, RecordMeasurementInput } from "./types/measurement.input";
import { parseId } from "../src/pagination";

@Resolver(() => Measurement)
export class MeasurementResolver {
  @Authorized(READERS)
  @Query(() => [Measurement], { description: "A KPI's values, oldest period first; corrected ones only when asked" })
  async measurements(@Args() args: MeasurementsArgs, @Ctx() { dataSource }: Context): Promise<Measurement[]> {
    const kpi = await dataSource.manager.findOneBy(Kpi, { code: args.kpiCode });
    if (!kpi) throw notFound(`The KPI "${args.kpiCode}"`);
    return listMeasurements(dataSource, kpi.id, args);
  }

  @Authorized(Role.UNIT_MANAGER, Role.ADMIN)
  @Mutation(() => Measurement, { description: "Records a value; a unit manager only for their own units" })
  recordMeasurement(
    @Arg("input") input: RecordMeasurementInput,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<Measurement> {
    return recordMeasurement(dataSource, caller, {
      kpiCode: input.kpiCode,
      year: input.year,
      periodKind: input.periodKind,
      periodIndex: input.periodIndex ?? null,
      unitCode: input.unitCode ?? null,
      value: input.value,
      reason: input.reason ?? null,
    });
  }

  @Authorized(Role.UNIT_MANAGER, Role.ADMIN)
  @Mutation(() => Measurement, { description: "Corrects a value: the new one supersedes it, and both stay" })
  correctMeasurement(
    @Arg("input") input: CorrectMeasurementInput,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<Measurement> {
    return correctMeasurement(dataSource, caller, {
      measurementId: parseId("measurementId", input.measurementId),
      value: input.value,
      reason: input.reason,
    });
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The value as people read it: rounded half away from zero to `places` decimals (2 by default); `value` keeps full precision",
  })
  displayValue(
    @Root() measurement: Measurement,
    @Arg("places", () => Int, { defaultValue: 2 }) places: number,
  ): string | null {
    if (!Number.isInteger(places) || places < 0 || places > 6)
      throw invalidInput("places", "must be a whole number from 0 to 6");
    return measurement.value === null ? null : roundForDisplay(measurement.value, places);
  }

  @FieldResolver(() => Kpi)
  async kpi(@Root() measurement: Measurement, @Ctx() { loaders }: Context): Promise<Kpi> {
    return (await loaders.kpiById.load(measurement.kpiId))!;
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  orgUnit(@Root() measurement: Measurement, @Ctx() { loaders }: Context): Promise<OrgUnit | null> | null {
    return measurement.orgUnitId === null ? null : loaders.unit.load(measurement.orgUnitId);
  }

  @FieldResolver(() => JobRun, {
    nullable: true,
    description: "The job run that computed it, with its source and rejected rows",
  })
  jobRun(@Root() measurement: Measurement, @Ctx() { loaders }: Context): Promise<JobRun | null> | null {
    return measurement.jobRunId === null ? null : loaders.jobRun.load(measurement.jobRunId);
  }

  @FieldResolver(() => Measurement, { nullable: true, description: "The value this one corrected" })
  supersedes(@Root() measurement: Measurement, @Ctx() { loaders }: Context): Promise<Measurement | null> | null {
    return measurement.supersedesId === null ? null : loaders.measurement.load(measurement.supersedesId);
  }

  @FieldResolver(() => Measurement, { nullable: true, description: "The value that corrected this one" })
  async supersededBy(@Root() measurement: Measurement, @Ctx() { loaders }: Context): Promise<Measurement | null> {
    return (await loaders.correctionsOf.load(measurement.id))[0] ?? null;
  }
}
