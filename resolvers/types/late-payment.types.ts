import { Field, ID, Int, ObjectType } from "type-graphql";
import { AppropriationBase } from "../../entities/appropriation-base.entity";
import { PublicationStatus, TransparencyObligation } from "../../entities/enums";
import { Publication } from "../../entities/publication.entity";
import { Decimal, LocalDate } from "../../entities/scalars";

@ObjectType({ description: "Una cifra pubblicata, con la sua etichetta" })
export class LabelledFigureView {
  @Field({ description: "Stable code, e.g. RITARDO_ANNUALE" }) code!: string;
  @Field({ description: "Italian label, as published" }) label!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Full precision: a decimal (euros, days, percent), a whole number, or "true"/"false"; null when not computable yet',
  })
  value!: string | null;
  @Field({ description: 'As published: decimal comma, thousands points, two decimals, "Sì"/"No"; "n.d." when missing' })
  display!: string;
}

@ObjectType({
  description:
    "Le cifre della L. 145/2018 di un anno: indicatore di ritardo annuale, debito scaduto al 31/12 e sua variazione, esenzione del 5%, accantonamento al Fondo di Garanzia Debiti Commerciali, imprese creditrici",
})
export class LatePaymentFiguresView {
  @Field(() => Int) year!: number;

  @Field(() => Decimal, {
    nullable: true,
    description:
      "Annual delay indicator, days: over the invoices due in the year (unpaid ones counted to 31 December) and those paid in the year before falling due, weighted by amount",
  })
  delayDays!: string | null;

  @Field(() => Decimal, {
    nullable: true,
    description: "Overdue unpaid commercial debt at 31 December (euro), from that day's snapshot",
  })
  overdueStock!: string | null;

  @Field(() => Decimal, { nullable: true, description: "The same at 31 December of the previous year" })
  previousOverdueStock!: string | null;

  @Field(() => Decimal, {
    nullable: true,
    description: "Change of the stock on the previous year's, percent (−12.5: fell by 12.5%)",
  })
  stockChangePercent!: string | null;

  @Field(() => Decimal, {
    nullable: true,
    description: "Invoices received in the year (euro, net of split-payment VAT and credit notes)",
  })
  invoicesReceived!: string | null;

  @Field(() => Boolean, { nullable: true, description: "Stock at most 5% of the invoices received in the year" })
  exempt!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Stock fell by at least 10% on the previous year's" })
  stockFell!: boolean | null;

  @Field(() => Boolean, { nullable: true, description: "Debt test passed: fell by 10%, or exempt" })
  debtTestPassed!: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: "Creditor firms of the overdue stock at 31 December (D.Lgs. 33/2013 art. 33)",
  })
  creditorFirms!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Percent of the appropriations to set aside in the Fondo di Garanzia Debiti Commerciali: 0, 1, 2, 3 or 5",
  })
  provisionPercent!: number | null;

  @Field(() => AppropriationBase, { nullable: true, description: "The appropriations in force for the year" })
  appropriations!: AppropriationBase | null;

  @Field(() => Decimal, {
    nullable: true,
    description: "The provision in euro: the percent of the appropriations, to the cent",
  })
  provision!: string | null;

  @Field({ description: "Every figure can be computed" }) ready!: boolean;

  @Field(() => [String], { description: "What is missing, in Italian, with what to do" }) missing!: string[];

  @Field(() => [LabelledFigureView], { description: "The figures with their Italian labels, as published" })
  figures!: LabelledFigureView[];
}

@ObjectType({
  description: "Un obbligo di pubblicazione per un periodo: scadenza, dati pronti, pubblicazione, ritardo",
})
export class PublicationDueView {
  @Field(() => TransparencyObligation) obligation!: TransparencyObligation;
  @Field({ description: "2019-Q1 for a quarter, 2019 for a year" }) period!: string;
  @Field(() => LocalDate, { description: "The last day to publish by" }) dueDate!: string;
  @Field({ description: "Every figure has a value from a job run (L. 145/2018: and the appropriations are recorded)" })
  ready!: boolean;
  @Field(() => [LabelledFigureView], { description: "The figures to publish, with their Italian labels" })
  figures!: LabelledFigureView[];
  @Field(() => [String], { description: "What is missing, in Italian, with what to do" }) missing!: string[];
  @Field(() => [ID], { description: "The job runs the figures come from" }) jobRunIds!: number[];
  @Field(() => Publication, { nullable: true, description: "The publication recorded, the latest if recorded again" })
  publication!: Publication | null;
  @Field(() => PublicationStatus) status!: PublicationStatus;
  @Field({ description: "Past its due date unpublished, or published after it" }) late!: boolean;
}
