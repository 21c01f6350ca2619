import { DataSource } from "typeorm";
import { PublicationStatus, TransparencyObligation } from "../../entities/enums";
import { Publication } from "../../entities/publication.entity";
import { periodLabel } from "../periods";
import { labelledFigures } from "./figure-labels";
import { itpFigures, PublishedFigures } from "./itp-figures";
import { latePaymentFigures } from "./late-payment-figures";
import { deadlinesOf, publicationStatus } from "./transparency-calendar";

/** One obligation for one period, as it stands on a date. */
export interface PublicationDue extends PublishedFigures {
  obligation: TransparencyObligation;
  period: string;
  dueDate: string;
  /** Every figure has a value from a job run (and, for L. 145/2018, the appropriations are recorded). */
  ready: boolean;
  /** The latest recorded, if any. */
  publication: Publication | null;
  status: PublicationStatus;
  /** Past its due date unpublished, or published after it. */
  late: boolean;
}

/** The transparency calendar of a year, as of a date in Milan: each obligation and period with its figures. */
export async function publicationsOf(dataSource: DataSource, year: number, asOf: string): Promise<PublicationDue[]> {
  const itp = await itpFigures(dataSource, year);
  const l145 = await latePaymentFigures(dataSource, year);
  const l145Figures: PublishedFigures = { figures: labelledFigures(l145), missing: l145.missing, jobRunIds: [] };
  const recorded = await dataSource.manager.find(Publication, {
    where: deadlinesOf(year).map((d) => ({ obligation: d.obligation, period: periodLabel(d.period) })),
    order: { id: "ASC" },
  });
  return deadlinesOf(year).map(({ obligation, period, dueDate }) => {
    const label = periodLabel(period);
    const figures = obligation === TransparencyObligation.L145_ANNUAL ? l145Figures : itp.get(label)!;
    const ready = figures.missing.length === 0;
    const publication = recorded.filter((p) => p.obligation === obligation && p.period === label).pop() ?? null;
    const status = publicationStatus(dueDate, ready, publication?.publishedOn ?? null, asOf);
    return {
      obligation,
      period: label,
      dueDate,
      ...figures,
      ready,
      publication,
      status,
      late: status === PublicationStatus.LATE || status === PublicationStatus.PUBLISHED_LATE,
    };
  });
}
