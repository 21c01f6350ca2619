import { Arg, Args, Authorized, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Objective } from "../entities/objective.entity";
import { OrgUnit } from "../entities/org-unit.entity";
import { Person } from "../entities/person.entity";
import { LocalDate } from "../entities/scalars";
import { Context } from "../src/context";
import { READERS } from "../src/auth/auth-checker";
import { isWithin, todayInRome } from "../src/dates";
import { checkPlanYear } from "../src/plan/plan-years";
import { OrgUnitArgs, OrgUnitsArgs } from "./types/org-unit.args";

@ObjectType({ description: "A person heading a unit over a date range" })
export class UnitHead {
  @Field(() => Person)
  person!: Person;

  @Field(() => LocalDate, { nullable: true, description: "Null when the source does not say" })
  validFrom!: string | null;

  @Field(() => LocalDate, { nullable: true })
  validTo!: string | null;
}

/** A copy of the unit that remembers the date the query asked about, for its nested fields. */
function asOfView(unit: OrgUnit, asOf: string): OrgUnit {
  return Object.assign(Object.create(OrgUnit.prototype) as OrgUnit, unit, { asOf });
}

@Resolver(() => OrgUnit)
export class OrgUnitResolver {
  @Authorized(READERS)
  @Query(() => [OrgUnit], { description: "The organisation as it stood on a date (default: today in Milan)" })
  async orgUnits(@Args() { asOf, kind }: OrgUnitsArgs, @Ctx() { loaders }: Context): Promise<OrgUnit[]> {
    const date = asOf ?? todayInRome();
    const units = [...(await loaders.allUnits()).values()]
      .filter((u) => isWithin(date, u.validFrom, u.validTo) && (kind == null || u.kind === kind))
      .sort((a, b) => a.name.localeCompare(b.name, "it"));
    return units.map((u) => asOfView(u, date));
  }

  @Authorized(READERS)
  @Query(() => OrgUnit, { nullable: true, description: "A unit by its code" })
  async orgUnit(@Args() { code, asOf }: OrgUnitArgs, @Ctx() { loaders }: Context): Promise<OrgUnit | null> {
    const unit = [...(await loaders.allUnits()).values()].find((u) => u.code === code);
    return unit ? asOfView(unit, asOf ?? todayInRome()) : null;
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  parent(@Root() unit: OrgUnit, @Ctx() { loaders }: Context): Promise<OrgUnit | null> | null {
    return unit.parentId === null ? null : loaders.unit.load(unit.parentId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true, description: "The unit it replaced when it was created or renamed" })
  predecessor(@Root() unit: OrgUnit, @Ctx() { loaders }: Context): Promise<OrgUnit | null> | null {
    return unit.predecessorId === null ? null : loaders.unit.load(unit.predecessorId);
  }

  @FieldResolver(() => [OrgUnit], { description: "The units that replaced it" })
  async successors(@Root() unit: OrgUnit, @Ctx() { loaders }: Context): Promise<OrgUnit[]> {
    return [...(await loaders.allUnits()).values()].filter((u) => u.predecessorId === unit.id);
  }

  @FieldResolver(() => Person, { nullable: true, description: "Who headed it on the date asked (today by default)" })
  async head(
    @Root() unit: OrgUnit,
    @Arg("asOf", () => LocalDate, { nullable: true }) asOf: string | null,
    @Ctx() { loaders }: Context,
  ): Promise<Person | null> {
    const date = asOf ?? unit.asOf ?? todayInRome();
    const heads = await loaders.headsByUnit.load(unit.id);
    const head = heads.find((h) => isWithin(date, h.validFrom, h.validTo));
    return head ? loaders.person.load(head.personId) : null;
  }

  @FieldResolver(() => [UnitHead], { description: "Everyone who headed it, with dates where the source gives them" })
  async heads(@Root() unit: OrgUnit, @Ctx() { loaders }: Context): Promise<UnitHead[]> {
    const heads = await loaders.headsByUnit.load(unit.id);
    const people = await loaders.person.loadMany(heads.map((h) => h.personId));
    return heads.map((h, i) => ({ person: people[i] as Person, validFrom: h.validFrom, validTo: h.validTo }));
  }

  @FieldResolver(() => [Objective], {
    description: "The objectives of a year it owns: on the date the unit was asked about, or as the plan stands now",
  })
  async objectives(
    @Root() unit: OrgUnit,
    @Arg("year", () => Int) year: number,
    @Ctx() { loaders, planYears }: Context,
  ): Promise<Objective[]> {
    checkPlanYear(await planYears(), year);
    const byOwner = await loaders.objectivesByOwner.load(year, unit.asOf ?? null);
    return byOwner.get(unit.id) ?? [];
  }

  @FieldResolver(() => [Objective], { description: "Objectives of other units that name it as a collaborator" })
  async collaborations(
    @Root() unit: OrgUnit,
    @Arg("year", () => Int, { nullable: true }) year: number | null,
    @Ctx() { loaders }: Context,
  ): Promise<Objective[]> {
    const links = await loaders.collaborationsByUnit.load(unit.id);
    const objectives = (await loaders.objective.loadMany(links.map((l) => l.objectiveId))).filter(
      (o): o is Objective => o instanceof Objective,
    );
    if (year == null) return objectives;
    const years = await loaders.yearsByObjective.loadMany(objectives.map((o) => o.id));
    return objectives.filter(
      (_, i) => Array.isArray(years[i]) && (years[i] as { year: number }[]).some((y) => y.year === year),
    );
  }
}
