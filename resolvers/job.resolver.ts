import { IsOptional, Matches, MaxLength } from "class-validator";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import { JobRunStatus, Role } from "../entities/enums";
import { JobRun } from "../entities/job-run.entity";
import { RejectedRow } from "../entities/rejected-row.entity";
import { RowWarning } from "../entities/row-warning.entity";
import { findJob } from "../jobs/registry";
import { READERS } from "../src/auth/auth-checker";
import { Context } from "../src/context";
import { invalidInput, notFound } from "../src/errors";
import { runnerOptions } from "../jobs/engine/scheduler";
import { runJob } from "../jobs/engine/run-job";
import { pageByKey, parseId } from "../src/pagination";
import { parsePeriod } from "../src/periods";
import { checkPlanYear } from "../src/plan/plan-years";
import { Connection } from "./types/connection";

@ObjectType()
export class JobRunConnection extends Connection(JobRun) {}

@ObjectType()
export class RejectedRowConnection extends Connection(RejectedRow) {}

@ObjectType()
export class RowWarningConnection extends Connection(RowWarning) {}

@ArgsType()
class JobRunsArgs {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z0-9-]{1,64}$/, { message: "jobKey must be a job key such as payment-timeliness" })
  jobKey?: string;

  @Field(() => JobRunStatus, { nullable: true })
  status?: JobRunStatus;

  @Field(() => Int, { nullable: true })
  first?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  after?: string;
}

@Resolver(() => JobRun)
export class JobRunResolver {
  @Authorized(READERS)
  @Query(() => JobRunConnection, { description: "Job runs, newest first" })
  async jobRuns(@Args() args: JobRunsArgs, @Ctx() { dataSource }: Context): Promise<JobRunConnection> {
    const query = dataSource.manager.createQueryBuilder(JobRun, "r");
    if (args.jobKey !== undefined) query.andWhere("r.jobKey = :jobKey", { jobKey: args.jobKey });
    if (args.status !== undefined) query.andWhere("r.status = :status", { status: args.status });
    return pageByKey(query, "r", "DESC", args.first, args.after);
  }

  @Authorized(READERS)
  @Query(() => JobRun, { nullable: true })
  jobRun(@Arg("id", () => ID) id: string, @Ctx() { dataSource }: Context): Promise<JobRun | null> {
    return dataSource.manager.findOneBy(JobRun, { id: parseId("id", id) });
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => RejectedRowConnection, {
    description: "The rows the run could not use, in source order (they may hold personal data: ADMIN only)",
  })
  async rejectedRows(
    @Root() run: JobRun,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() { dataSource }: Context,
  ): Promise<RejectedRowConnection> {
    const query = dataSource.manager
      .createQueryBuilder(RejectedRow, "r")
      .where("r.jobRunId = :runId", { runId: run.id });
    return pageByKey(query, "r", "ASC", first, after);
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => RowWarningConnection, {
    description:
      "The rows the run used but flagged (a term over 60 days, counted as 60), in source order (ADMIN only, as rejected rows)",
  })
  async warnings(
    @Root() run: JobRun,
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() { dataSource }: Context,
  ): Promise<RowWarningConnection> {
    const query = dataSource.manager
      .createQueryBuilder(RowWarning, "w")
      .where("w.jobRunId = :runId", { runId: run.id });
    return pageByKey(query, "w", "ASC", first, after);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => JobRun, {
    description: "Runs a job now for a period (2019, 2019-Q4) and answers when it has finished",
  })
  async runJob(
    @Arg("jobKey") jobKey: string,
    @Arg("period") periodText: string,
    @Arg("force", () => Boolean, {
      defaultValue: false,
      description: "Supersede the earlier run's values even if this run reads far fewer rows (JOB_RERUN_MIN_SHARE)",
    })
    force: boolean,
    @Ctx() { dataSource, caller, config, planYears }: Context,
  ): Promise<JobRun> {
    const job = findJob(config, jobKey);
    if (!job) throw notFound(`The job "${jobKey}"`);
    const period = parsePeriod(periodText);
    if (!period) throw invalidInput("period", `"${periodText}" is not a period such as 2019 or 2019-Q4`);
    // Refused here rather than recorded as a FAILED run: nothing was tried.
    const { periodKinds } = job.definition;
    if (!periodKinds.includes(period.kind)) {
      const kinds = periodKinds.map((kind) => kind.toLowerCase()).join(" or ");
      throw invalidInput("period", `${jobKey} measures by ${kinds}, so it cannot run for ${periodText}`);
    }
    checkPlanYear(await planYears(), period.year, "period");
    const run = await runJob(
      dataSource,
      { job: job.definition, source: job.source(), period, triggeredBy: caller.subject ?? "anonymous", force },
      runnerOptions(config),
    );
    return run!;
  }
}
