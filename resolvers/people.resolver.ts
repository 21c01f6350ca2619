import { IsOptional, Matches, Max, MaxLength, Min } from "class-validator";
import { JSONResolver } from "graphql-scalars";
import {
  Arg,
  Args,
  ArgsType,
  Authorized,
  Ctx,
  Field,
  Float,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from "type-graphql";
import { Employee } from "../entities/employee.entity";
import { Role, StaffCategory } from "../entities/enums";
import { IncentiveRuleSet } from "../entities/incentive-rule-set.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { LocalDate } from "../entities/scalars";
import { auditedCaller, recordAudit } from "../src/audit/record-audit";
import { answersFor } from "../src/auth/unit-scope";
import { Context } from "../src/context";
import { assertYearsOpen } from "../src/cycles/cycles";
import { invalidInput } from "../src/errors";
import { computeCycleEligibility, EligibilityRow } from "../src/incentives/cycle-eligibility";
import { isFlatDistribution } from "../src/incentives/eligibility";
import { payrollCsv } from "../src/incentives/payroll-export";
import { DEFAULT_RULES, ruleSetSchema } from "../src/incentives/rule-set";
import { decodeCursor, encodeCursor, pageSize } from "../src/pagination";
import { yearBounds } from "../src/periods";
import { importPeople } from "../src/people/import-people";
import { Connection } from "./types/connection";
import { UNIT_CODE } from "./types/objective-filter.input";

/** Who may see people: never VIEWER or anonymous callers. */
const PEOPLE_READERS = [Role.ADMIN, Role.PAYROLL, Role.EVALUATION_BOARD, Role.UNIT_MANAGER];

@ObjectType({ description: "A stretch of the year in a unit, and the unit's score it brings" })
class EligibilityAssignment {
  @Field(() => OrgUnit, { description: "The unit; its attainment(year) explains the score down to each KPI value" })
  unit!: OrgUnit;
  @Field(() => OrgUnit, {
    nullable: true,
    description: "The unit it is scored as (a unit renamed during the year: its successor)",
  })
  scoredAs!: OrgUnit | null;
  @Field(() => LocalDate) from!: string;
  @Field(() => LocalDate) to!: string;
  @Field(() => Int) days!: number;
  @Field(() => Float) share!: number;
  @Field(() => Float, { nullable: true }) unitScore!: number | null;
}

@ObjectType({ description: "An employee's incentive eligibility for a year (personal data)" })
class EligibilityView {
  @Field(() => Employee) employee!: Employee;
  @Field({ description: "COMPLETE, or INCOMPLETE with what is missing" }) status!: string;
  @Field(() => String, { nullable: true }) missing!: string | null;
  @Field({ description: "Whether the administration reached its Obiettivi Solidali" }) gateOpen!: boolean;
  @Field(() => Float, { nullable: true, description: "Day-weighted over the assignments" }) unitScore!: number | null;
  @Field(() => Float, { nullable: true }) individualScore!: number | null;
  @Field(() => Float, { nullable: true }) composite!: number | null;
  @Field(() => Float, { nullable: true, description: "Share of the full bonus payable" }) payableShare!: number | null;
  @Field(() => Float, { description: "Days in service, weighted by the share of time" }) days!: number;
  @Field(() => Int) ruleSetVersion!: number;
  @Field({ description: "True until the Nucleo di Valutazione validated the year" }) provisional!: boolean;
  @Field(() => [EligibilityAssignment]) assignments!: EligibilityAssignment[];
  @Field(() => [String], {
    description:
      "The computation in words; each unit's attainment(year) goes on down to KPI values, runs, targets and acts",
  })
  explain!: string[];
}

@ObjectType()
class EligibilityConnection extends Connection(EligibilityView) {}

@ObjectType({ description: "A year's eligibility at a glance, with the warnings the law asks for" })
class EligibilityReport {
  @Field(() => Int) year!: number;
  @Field() provisional!: boolean;
  @Field(() => Int) ruleSetVersion!: number;
  @Field(() => Boolean, { nullable: true }) gateOpen!: boolean | null;
  @Field(() => Int) employees!: number;
  @Field(() => Int) incomplete!: number;
  @Field(() => Int) paid!: number;
  @Field({ description: "Everyone paid gets the same share: forbidden by D.Lgs. 150/2009 art. 18" })
  flatDistribution!: boolean;
  @Field(() => [String]) warnings!: string[];
}

@ArgsType()
class EligibilityArgs {
  @Field(() => Int) @Min(1990) @Max(2100) year!: number;
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(UNIT_CODE, { message: "unitCode must be a unit code such as EDU" })
  unitCode?: string;
  @Field(() => StaffCategory, { nullable: true }) category?: StaffCategory;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(32) employeeCode?: string;
  @Field(() => Int, { nullable: true }) first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @MaxLength(100) after?: string;
}

function explain(row: EligibilityRow): string[] {
  const f = (n: number | null) => (n === null ? "—" : n.toFixed(4));
  return [
    ...row.inputs.assignments.map(
      (a) =>
        `${a.from} to ${a.to} in ${a.unitCode}${a.scoredAs && a.scoredAs !== a.unitCode ? ` (scored as ${a.scoredAs})` : ""}: ${a.days} days at ${a.share} of full time, unit score ${f(a.unitScore)}`,
    ),
    `unit score ${f(row.unitScore)} (day-weighted), individual assessment ${row.individualScore ?? "—"}`,
    row.missing
      ? `incomplete: ${row.missing}`
      : `composite ${f(row.composite)} by the ${row.employee.category} weights of rule set version ${row.ruleSetVersion}`,
    row.gateOpen
      ? "Obiettivi Solidali reached: the result bonus is due"
      : "Obiettivi Solidali not reached (or not yet judged): nothing is payable",
    `payable share ${f(row.payableShare)} (threshold, then pro rata by ${row.days} days)`,
  ];
}

function view(row: EligibilityRow, units: Map<number, OrgUnit>): EligibilityView {
  const byCode = new Map([...units.values()].map((u) => [u.code, u]));
  return {
    ...row,
    employee: row.employee,
    explain: explain(row),
    assignments: row.inputs.assignments.map((a) => ({
      ...a,
      unit: byCode.get(a.unitCode)!,
      scoredAs: a.scoredAs === null ? null : byCode.get(a.scoredAs)!,
    })),
  };
}

@Resolver()
export class PeopleResolver {
  @Authorized(...PEOPLE_READERS)
  @Query(() => EligibilityConnection, {
    description: "Incentive eligibility per employee (a unit manager sees the people of their units)",
  })
  async eligibility(
    @Args() args: EligibilityArgs,
    @Ctx() { dataSource, attainment, caller, loaders }: Context,
  ): Promise<EligibilityConnection> {
    const units = await loaders.allUnits();
    const yearEnd = yearBounds(args.year).end;
    const ownOnly = !caller.roles.some((r) => r === Role.ADMIN || r === Role.PAYROLL || r === Role.EVALUATION_BOARD);
    const rows = (await computeCycleEligibility(dataSource, attainment, args.year)).rows.filter((row) => {
      const inUnits = row.inputs.assignments.map((a) => [...units.values()].find((u) => u.code === a.unitCode)!);
      if (
        ownOnly &&
        !inUnits.some((u) =>
          answersFor(caller.units, u.id, u.validTo && u.validTo < yearEnd ? u.validTo : yearEnd, units),
        )
      )
        return false;
      if (
        args.unitCode !== undefined &&
        !row.inputs.assignments.some((a) => a.unitCode === args.unitCode || a.scoredAs === args.unitCode)
      )
        return false;
      if (args.category !== undefined && row.employee.category !== args.category) return false;
      return args.employeeCode === undefined || row.employee.code === args.employeeCode;
    });
    const size = pageSize(args.first);
    const start = args.after == null ? 0 : decodeCursor(args.after);
    const nodes = rows.slice(start, start + size).map((row) => view(row, units));
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
  async eligibilityReport(
    @Arg("year", () => Int) year: number,
    @Ctx() { dataSource, attainment }: Context,
  ): Promise<EligibilityReport> {
    const result = await computeCycleEligibility(dataSource, attainment, year);
    const complete = result.rows.filter((r) => r.status === "COMPLETE");
    const flat = isFlatDistribution(
      complete.map((r) => ({
        ...r,
        employeeId: r.employee.id,
        unitScore: r.unitScore!,
        individualScore: r.individualScore!,
        composite: r.composite!,
        payableShare: r.payableShare!,
        uplifted: false,
      })),
    );
    const warnings = [
      ...(flat ? ["Everyone paid gets the same share: D.Lgs. 150/2009 art. 18 forbids spreading bonuses evenly"] : []),
      ...(result.gate.open === null
        ? ["The Solidale gate cannot be judged yet: a Solidale objective is incomplete"]
        : []),
      ...(result.rows.length - complete.length
        ? [`${result.rows.length - complete.length} employees lack a unit score or an assessment`]
        : []),
    ];
    return {
      year,
      provisional: result.rows[0]?.provisional ?? true,
      ruleSetVersion: result.ruleSetVersion,
      gateOpen: result.gate.open,
      employees: result.rows.length,
      incomplete: result.rows.length - complete.length,
      paid: complete.filter((r) => (r.payableShare ?? 0) > 0).length,
      flatDistribution: flat,
      warnings,
    };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Int, {
    description: "Imports employees, assignments and assessments from CSV text; all or nothing. Answers the rows read.",
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
    description: "Sets a new version of a year's incentive rules, by act; missing keys keep the defaults",
  })
  async setIncentiveRules(
    @Arg("year", () => Int) year: number,
    @Arg("actKey") actKey: string,
    @Arg("rules", () => JSONResolver, {
      validate: false,
      description: "Keys of DESIGN.md §4 to change; the rest keep the defaults",
    })
    rules: Record<string, unknown>,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<IncentiveRuleSet> {
    if (!/^[A-Z0-9-]{3,64}$/.test(actKey)) throw invalidInput("actKey", "must be the act's key, such as GC-123-2020");
    const parsed = ruleSetSchema.safeParse({ ...DEFAULT_RULES, ...rules });
    if (!parsed.success)
      throw invalidInput("rules", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
    return dataSource.transaction(async (manager) => {
      await assertYearsOpen(manager, [year]);
      const version = ((await manager.maximum(IncentiveRuleSet, "version", { year })) ?? 0) + 1;
      const who = auditedCaller(caller);
      await manager.insert(IncentiveRuleSet, {
        year,
        version,
        actKey,
        rules: parsed.data,
        createdAt: new Date(),
        createdBy: who.actor,
      });
      const set = await manager.findOneByOrFail(IncentiveRuleSet, { year, version });
      await recordAudit(manager, {
        ...who,
        action: "INCENTIVE_RULES_SET",
        entityType: "IncentiveRuleSet",
        entityId: String(set.id),
        before: null,
        after: set,
      });
      return set;
    });
  }

  @Authorized(Role.PAYROLL, Role.ADMIN)
  @Mutation(() => String, {
    description:
      "The payroll CSV of a validated or closed year (from a closed year: the frozen figures, byte for byte)",
  })
  exportPayroll(@Arg("year", () => Int) year: number, @Ctx() { dataSource, attainment }: Context): Promise<string> {
    return payrollCsv(dataSource, attainment, year);
  }
}
