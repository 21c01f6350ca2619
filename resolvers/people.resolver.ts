import { JSONResolver } from "graphql-scalars";
import { Arg, Args, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { EvaluationCycle } from "../entities/evaluation-cycle.entity";
import { Role } from "../entities/enums";
import { IncentiveRuleSet } from "../entities/incentive-rule-set.entity";
import { answersFor } from "../src/auth/unit-scope";
import { Caller } from "../src/auth/caller";
import { Context } from "../src/context";
import { isFrozen, requireCycle } from "../src/cycles/cycles";
import { DomainError, ErrorCode } from "../src/errors";
import { payrollCsv } from "../src/incentives/payroll-export";
import { setIncentiveRules } from "../src/incentives/set-rules";
import { yearEligibility } from "../src/incentives/year-eligibility";
import { decodeCursor, encodeCursor, pageSize } from "../src/pagination";
import { yearBounds } from "../src/periods";
import { importPeople } from "../src/people/import-people";
import { eligibilityReport, eligibilityView } from "./eligibility.view";
import { EligibilityArgs, EligibilityConnection, EligibilityReport } from "./types/eligibility.types";

/** Who may see people: never VIEWER or anonymous callers. */
const PEOPLE_READERS = [Role.ADMIN, Role.PAYROLL, Role.EVALUATION_BOARD, Role.UNIT_MANAGER];

/** Payroll acts on figures the Nucleo validated: it sees no provisional share before then. */
async function readableCycle(context: Context, year: number): Promise<EvaluationCycle> {
  const cycle = await requireCycle(context.dataSource.manager, year);
  const seesProvisional = context.caller.roles.some(
    (r) => r === Role.ADMIN || r === Role.EVALUATION_BOARD || r === Role.UNIT_MANAGER,
  );
  if (!seesProvisional && !isFrozen(cycle.status))
    throw new DomainError(
      ErrorCode.FORBIDDEN,
      `Forbidden: payroll sees the eligibility of ${year} once the Nucleo di Valutazione has validated it (it is ${cycle.status})`,
      { requiredRoles: [Role.ADMIN, Role.EVALUATION_BOARD, Role.UNIT_MANAGER] },
    );
  return cycle;
}

const seesEveryone = (caller: Caller) =>
  caller.roles.some((r) => r === Role.ADMIN || r === Role.PAYROLL || r === Role.EVALUATION_BOARD);

@Resolver()
export class PeopleResolver {
  @Authorized(...PEOPLE_READERS)
  @Query(() => EligibilityConnection, {
    description:
      "Incentive eligibility per employee and category held in the year (a unit manager sees the people of their units; payroll, only from the Nucleo's validation on)",
  })
  async eligibility(@Args() args: EligibilityArgs, @Ctx() context: Context): Promise<EligibilityConnection> {
    const { dataSource, attainment, caller, loaders, preparedEligibility } = context;
    const year = await yearEligibility(
      dataSource,
      attainment,
      await readableCycle(context, args.year),
      preparedEligibility,
    );
    const units = await loaders.allUnits();
    const byCode = new Map([...units.values()].map((u) => [u.code, u]));
    const yearEnd = yearBounds(args.year).end;
    const rows = year.rows.filter((row) => {
      if (
        !seesEveryone(caller) &&
        !row.inputs.assignments.some((a) => {
          const u = byCode.get(a.unitCode)!;
          return answersFor(caller.units, u.id, u.validTo && u.validTo < yearEnd ? u.validTo : yearEnd, units);
        })
      )
        return false;
      if (
        args.unitCode !== undefined &&
        !row.inputs.assignments.some((a) => a.unitCode === args.unitCode || a.scoredAs === args.unitCode)
      )
        return false;
      if (args.category !== undefined && row.category !== args.category) return false;
      return args.employeeCode === undefined || row.employee.code === args.employeeCode;
    });
    const size = pageSize(args.first);
    const start = args.after == null ? 0 : decodeCursor(args.after);
    const nodes = rows.slice(start, start + size).map((row) => eligibilityView(year, row, byCode));
    return {
      totalCount: rows.length,
      nodes,
      pageInfo: {
        endCursor: nodes.length ? encodeCursor(start + nodes.length) : null,
        hasNextPage: start + size < rows.length,
      },
    };
  }

  @Authorized(Role.ADMIN, Role.PAYROLL, Role.EVALUATION_BOARD)
  @Query(() => EligibilityReport)
  async eligibilityReport(@Arg("year", () => Int) year: number, @Ctx() context: Context): Promise<EligibilityReport> {
    const eligibility = await yearEligibility(
      context.dataSource,
      context.attainment,
      await readableCycle(context, year),
      context.preparedEligibility,
    );
    const units = await context.loaders.allUnits();
    return eligibilityReport(eligibility, new Map([...units.values()].map((u) => [u.code, u])));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Int, {
    description:
      "Imports employees, assignments (restating one by its employee, unit and start changes its end, share or category) and assessments from CSV text; all or nothing. Answers the rows written.",
  })
  async importPeople(
    @Arg("employees", () => String, { nullable: true }) employees: string | null,
    @Arg("assignments", () => String, { nullable: true }) assignments: string | null,
    @Arg("assessments", () => String, { nullable: true }) assessments: string | null,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<number> {
    const counts = await importPeople(dataSource, caller, {
      employees: employees ?? null,
      assignments: assignments ?? null,
      assessments: assessments ?? null,
    });
    return counts.employees + counts.assignments + counts.assessments;
  }

  @Authorized(...Object.values(Role))
  @Query(() => [IncentiveRuleSet], {
    description: "The versions of a year's incentive rules (the defaults of DESIGN.md §4 apply until one is set)",
  })
  incentiveRules(@Arg("year", () => Int) year: number, @Ctx() { dataSource }: Context): Promise<IncentiveRuleSet[]> {
    return dataSource.manager.find(IncentiveRuleSet, { where: { year }, order: { version: "ASC" } });
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => IncentiveRuleSet, {
    description:
      "Sets a new version of a year's incentive rules, by a recorded act; missing keys keep the defaults. Refused once the year is validated",
  })
  setIncentiveRules(
    @Arg("year", () => Int) year: number,
    @Arg("actKey") actKey: string,
    @Arg("rules", () => JSONResolver, {
      validate: false,
      description:
        "Keys of DESIGN.md §4 to change; the rest keep the defaults. gate.weights: each Solidale's weight by key; funds: { STAFF: { actKey, amount } } in euros",
    })
    rules: unknown,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<IncentiveRuleSet> {
    return setIncentiveRules(dataSource, caller, { year, actKey, rules });
  }

  @Authorized(Role.PAYROLL, Role.ADMIN)
  @Mutation(() => String, {
    description:
      "The payroll CSV of a validated or closed year: the figures frozen at the Nucleo's validation, byte for byte until it sends the year back",
  })
  exportPayroll(@Arg("year", () => Int) year: number, @Ctx() { dataSource }: Context): Promise<string> {
    return payrollCsv(dataSource, year);
  }
}
