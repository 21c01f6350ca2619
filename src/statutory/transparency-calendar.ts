import { PeriodKind, PublicationStatus, TransparencyObligation } from "../../entities/enums";
import { dayNumber, fromDayNumber } from "../dates";
import { Period, periodBounds } from "../periods";

/**
 * The year's publication deadlines (DPCM 22/09/2014 art. 10; D.Lgs. 33/2013 art. 33; L. 145/2018
 * c. 859): the quarterly ITP within 30 days of the quarter's end; the annual ITP with the debts and
 * the creditor firms, and the L. 145/2018 figures, by 31 January of the next year. Pure.
 */
export interface Deadline {
  obligation: TransparencyObligation;
  period: Period;
  dueDate: string;
}

export function deadlinesOf(year: number): Deadline[] {
  const quarters = [1, 2, 3, 4].map((index): Deadline => {
    const period = { year, kind: PeriodKind.QUARTER, index };
    return {
      obligation: TransparencyObligation.ITP_QUARTERLY,
      period,
      dueDate: fromDayNumber(dayNumber(periodBounds(period).end) + 30),
    };
  });
  const whole = { year, kind: PeriodKind.YEAR, index: 0 };
  const january31 = `${year + 1}-01-31`;
  return [
    ...quarters,
    { obligation: TransparencyObligation.ITP_ANNUAL, period: whole, dueDate: january31 },
    { obligation: TransparencyObligation.L145_ANNUAL, period: whole, dueDate: january31 },
  ];
}

/** The period kind each obligation is published for. */
export const PERIOD_KIND: Record<TransparencyObligation, PeriodKind> = {
  [TransparencyObligation.ITP_QUARTERLY]: PeriodKind.QUARTER,
  [TransparencyObligation.ITP_ANNUAL]: PeriodKind.YEAR,
  [TransparencyObligation.L145_ANNUAL]: PeriodKind.YEAR,
};

/**
 * Where a publication stands on `asOf`: published (on time or not) once recorded, whatever the
 * date asked; otherwise late past its due date, ready or waiting before it.
 */
export function publicationStatus(
  dueDate: string,
  ready: boolean,
  publishedOn: string | null,
  asOf: string,
): PublicationStatus {
  if (publishedOn !== null && publishedOn <= asOf)
    return publishedOn <= dueDate ? PublicationStatus.PUBLISHED : PublicationStatus.PUBLISHED_LATE;
  if (asOf > dueDate) return PublicationStatus.LATE;
  return ready ? PublicationStatus.READY : PublicationStatus.WAITING;
}
