import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from "type-graphql";
import { AppropriationBase } from "../entities/appropriation-base.entity";
import { Role, TransparencyObligation } from "../entities/enums";
import { Publication } from "../entities/publication.entity";
import { LocalDate } from "../entities/scalars";
import { READERS } from "../src/auth/auth-checker";
import { Context } from "../src/context";
import { checkPlanYear } from "../src/plan/plan-years";
import { labelledFigures } from "../src/statutory/figure-labels";
import { latePaymentFigures } from "../src/statutory/late-payment-figures";
import { recordAppropriations } from "../src/statutory/record-appropriations";
import { publicationsOf } from "../src/statutory/publications";
import { recordPublication } from "../src/statutory/record-publication";
import { todayInRome } from "../src/dates";
import { parsePeriod } from "../src/periods";
import { LatePaymentFiguresView, PublicationDueView } from "./types/late-payment.types";

@Resolver()
export class StatutoryResolver {
  @Authorized(READERS)
  @Query(() => LatePaymentFiguresView, {
    description: "The year's L. 145/2018 figures, from the jobs' values and the appropriations recorded",
  })
  async latePaymentFigures(
    @Arg("year", () => Int) year: number,
    @Ctx() { dataSource, planYears }: Context,
  ): Promise<LatePaymentFiguresView> {
    checkPlanYear(await planYears(), year);
    const f = await latePaymentFigures(dataSource, year);
    const byCode = new Map(labelledFigures(f).map((row) => [row.code, row.value]));
    const flag = (code: string) => (byCode.get(code) == null ? null : byCode.get(code) === "true");
    return {
      year,
      delayDays: byCode.get("RITARDO_ANNUALE") ?? null,
      overdueStock: byCode.get("DEBITO_SCADUTO") ?? null,
      previousOverdueStock: byCode.get("DEBITO_SCADUTO_PRECEDENTE") ?? null,
      stockChangePercent: byCode.get("VARIAZIONE_DEBITO") ?? null,
      invoicesReceived: byCode.get("FATTURE_RICEVUTE") ?? null,
      exempt: flag("ESENZIONE_5"),
      stockFell: f.debtTest?.fell ?? null,
      debtTestPassed: flag("VERIFICA_DEBITO"),
      creditorFirms: f.creditorFirms,
      provisionPercent: f.provisionPercent,
      appropriations: f.appropriations,
      provision: byCode.get("ACCANTONAMENTO") ?? null,
      ready: f.missing.length === 0,
      missing: f.missing,
      figures: labelledFigures(f),
    };
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => AppropriationBase, {
    description:
      "Records the year's appropriations for goods and services (base of the Fondo di Garanzia Debiti Commerciali) from a recorded act; earlier records stay",
  })
  async recordAppropriations(
    @Arg("year", () => Int) year: number,
    @Arg("amount", { description: "Euro to the cent, e.g. 412500000.00" }) amount: string,
    @Arg("actKey", { description: "The recorded act the amount comes from, e.g. CC-12-2019" }) actKey: string,
    @Ctx() { dataSource, caller, planYears }: Context,
  ): Promise<AppropriationBase> {
    checkPlanYear(await planYears(), year);
    return recordAppropriations(dataSource, caller, { year, amount, actKey });
  }

  @Authorized(READERS)
  @Query(() => [PublicationDueView], {
    description:
      "The year's transparency calendar: each obligation and period with its due date, its figures and whether they are ready, published or late as of a date",
  })
  async publications(
    @Arg("year", () => Int) year: number,
    @Arg("asOf", () => LocalDate, {
      nullable: true,
      description: "The day to judge lateness on (default: today in Milan)",
    })
    asOf: string | null,
    @Ctx() { dataSource, planYears }: Context,
  ): Promise<PublicationDueView[]> {
    checkPlanYear(await planYears(), year);
    return publicationsOf(dataSource, year, asOf ?? todayInRome());
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Publication, {
    description:
      "Records where and when an obligation's figures for a period were published; recorded again, the latest is in force",
  })
  async recordPublication(
    @Arg("obligation", () => TransparencyObligation) obligation: TransparencyObligation,
    @Arg("period", { description: "2019-Q1 for the quarterly ITP, 2019 for the annual ones" }) period: string,
    @Arg("url") url: string,
    @Arg("publishedOn", () => LocalDate, { nullable: true, description: "Default: today in Milan" })
    publishedOn: string | null,
    @Ctx() { dataSource, caller, planYears }: Context,
  ): Promise<Publication> {
    // A period that does not parse is refused by the service, naming the form it must take.
    const parsed = parsePeriod(period);
    if (parsed) checkPlanYear(await planYears(), parsed.year, "period");
    return recordPublication(dataSource, caller, { obligation, period, url, publishedOn });
  }
}
