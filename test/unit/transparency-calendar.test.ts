import { PeriodKind, PublicationStatus, TransparencyObligation } from "../../entities/enums";
import { deadlinesOf, publicationStatus } from "../../src/statutory/transparency-calendar";
import { transparencyTables } from "../../src/statutory/transparency-tables";
import { italianCsv } from "../../src/csv/write-italian-csv";

describe("the transparency calendar", () => {
  it("dues the quarterly ITP 30 days after the quarter's end, the annual figures on 31 January", () => {
    expect(deadlinesOf(2019).map((d) => [d.obligation, d.period.kind, d.period.index, d.dueDate])).toEqual([
      // 31/03 + 30 = 30/04; 30/06 + 30 = 30/07; 30/09 + 30 = 30/10; 31/12 + 30 = 30/01/2020.
      [TransparencyObligation.ITP_QUARTERLY, PeriodKind.QUARTER, 1, "2019-04-30"],
      [TransparencyObligation.ITP_QUARTERLY, PeriodKind.QUARTER, 2, "2019-07-30"],
      [TransparencyObligation.ITP_QUARTERLY, PeriodKind.QUARTER, 3, "2019-10-30"],
      [TransparencyObligation.ITP_QUARTERLY, PeriodKind.QUARTER, 4, "2020-01-30"],
      [TransparencyObligation.ITP_ANNUAL, PeriodKind.YEAR, 0, "2020-01-31"],
      [TransparencyObligation.L145_ANNUAL, PeriodKind.YEAR, 0, "2020-01-31"],
    ]);
  });

  it.each([
    // due, ready, published on, as of → status
    ["2019-04-30", true, "2019-04-30", "2019-05-10", PublicationStatus.PUBLISHED], // on the due day
    ["2019-04-30", true, "2019-05-01", "2019-05-10", PublicationStatus.PUBLISHED_LATE],
    ["2019-04-30", true, "2019-05-01", "2019-04-30", PublicationStatus.READY], // not yet published on that day
    ["2019-04-30", true, null, "2019-05-01", PublicationStatus.LATE],
    ["2019-04-30", false, null, "2019-05-01", PublicationStatus.LATE], // late whether the figures are ready or not
    ["2019-04-30", false, null, "2019-04-30", PublicationStatus.WAITING],
  ] as const)("due %s, ready %s, published %s, as of %s: %s", (due, ready, published, asOf, status) => {
    expect(publicationStatus(due, ready, published, asOf)).toBe(status);
  });

  it("lays the figures out as the Amministrazione Trasparente tables, one row per quarter and the year", () => {
    const figure = (code: string, value: string | null, display: string) => ({ code, label: code, value, display });
    const calendar = deadlinesOf(2019).map((d) => ({
      obligation: d.obligation,
      period: d.period.kind === PeriodKind.QUARTER ? `2019-Q${d.period.index}` : "2019",
      dueDate: d.dueDate,
      ready: true,
      missing: [],
      jobRunIds: [],
      publication: null,
      status: PublicationStatus.READY,
      late: false,
      figures: [
        figure("ITP", "-1.842105", "-1,84"),
        figure("IMPORTO_PAGATO", "3800.00", "3.800,00"),
        figure("FATTURE_PAGATE", "2", "2"),
        figure("DEBITI", "1300.00", "1.300,00"),
        figure("IMPRESE_CREDITRICI", "2", "2"),
        figure("ESENZIONE_5", "false", "No"),
      ],
    }));
    const [itp, debts, l145] = transparencyTables(2019, calendar);
    expect(itp.rows.map((r) => r.join(" | "))).toEqual([
      "2019 | I trimestre | -1,84 | 3.800,00 | 2 | 30/04/2019",
      "2019 | II trimestre | -1,84 | 3.800,00 | 2 | 30/07/2019",
      "2019 | III trimestre | -1,84 | 3.800,00 | 2 | 30/10/2019",
      "2019 | IV trimestre | -1,84 | 3.800,00 | 2 | 30/01/2020",
      "2019 | Annuale | -1,84 | 3.800,00 | 2 | 31/01/2020",
    ]);
    expect(itp.values[0]).toEqual([null, null, "-1.842105", "3800.00", "2", null]);
    expect(debts.rows).toEqual([["2019", "31/12/2019", "1.300,00", "2"]]);
    // A yes or no stays text; a figure keeps its value for the spreadsheet.
    expect(l145.values.slice(-1)).toEqual([[null, null]]);
    // Decimal commas, `;`, BOM and CRLF; a negative number stays a number, a formula is kept as text.
    expect(italianCsv([itp.headers.slice(0, 2), itp.rows[0].slice(1, 3), ["-1.234,50", "-2+3"], ["=1+1", "a;b"]])).toBe(
      "\uFEFFAnno;Periodo\r\nI trimestre;-1,84\r\n-1.234,50;'-2+3\r\n'=1+1;\"a;b\"\r\n",
    );
  });
});
