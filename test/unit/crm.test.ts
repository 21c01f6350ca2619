import { daysBetween } from "../../jobs/formulas/calendar";
import { CrmAccumulator, CrmContact, DayHistogram } from "../../jobs/formulas/crm";
import { crmResponseJob } from "../../jobs/crm-response.job";
import { RowProblem } from "../../src/csv/fields";
import { todayInRome } from "../../src/dates";
import { PeriodKind } from "../../entities/enums";

const settings = {
  serviceLevelDays: 30,
  dayCount: "CALENDAR" as const,
  configuredChannels: ["020202", "EMAIL", "WEB", "APP", "SOCIAL", "SPORTELLO"],
};
/** A cut-off long after the contacts: none is still pending. */
const LATER = "2021-06-30";
const contact = (overrides: Partial<CrmContact>): CrmContact => ({
  contactId: "C",
  channel: "EMAIL",
  createdOn: "2019-10-01",
  requiresResponse: true,
  firstHumanResponseOn: null,
  resolvedOn: null,
  pausedDays: 0,
  pause: null,
  ...overrides,
});

describe("working days in Milan", () => {
  it("skip weekends, national holidays and Sant'Ambrogio", () => {
    // Fri 6 Dec 2019 → Wed 11 Dec: Sat 7 (also Sant'Ambrogio), Sun 8 skipped; Mon 9, Tue 10, Wed 11 count.
    expect(daysBetween("2019-12-06", "2019-12-11", "WORKING")).toBe(3);
    // Across Christmas: Mon 23 → Fri 27 Dec: 24, 27 count; 25 and 26 are holidays.
    expect(daysBetween("2019-12-23", "2019-12-27", "WORKING")).toBe(2);
    expect(daysBetween("2019-12-23", "2019-12-27", "CALENDAR")).toBe(4);
  });
});

describe("DayHistogram percentiles (nearest rank)", () => {
  const of = (days: number[]) => {
    const histogram = new DayHistogram();
    days.forEach((d) => histogram.push(d));
    return histogram;
  };

  it("takes the smallest value with p% at or below it", () => {
    const values = of([10, 1, 9, 2, 8, 3, 7, 4, 6, 5]);
    expect(values.percentile(50)).toBe(5);
    expect(values.percentile(90)).toBe(9);
    expect(values.percentile(100)).toBe(10);
    expect(values.percentile(0)).toBe(1);
    expect(new DayHistogram().percentile(50)).toBeNull();
  });

  it("agrees with sorting every value, repeated days and long tails included", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const days = Array.from({ length: 5_000 }, () => Math.floor(random() ** 3 * 400));
    const sorted = [...days].sort((a, b) => a - b);
    const histogram = of(days);
    for (const p of [1, 25, 50, 75, 90, 99])
      expect(histogram.percentile(p)).toBe(sorted[Math.ceil((p / 100) * sorted.length) - 1]);
  });

  it("refuses a duration that is not a whole number of days", () => {
    expect(() => of([1.5])).toThrow(/whole number of days/);
    expect(() => of([-1])).toThrow(/at least 0/);
  });
});

describe("CrmAccumulator", () => {
  it("counts contacts, responses by a person, times, the service level and resolution, per channel and overall", () => {
    const crm = new CrmAccumulator(settings, LATER);
    crm.add(contact({ contactId: "1", firstHumanResponseOn: "2019-10-03", resolvedOn: "2019-10-10" })); // 2 days, resolved in 9
    crm.add(contact({ contactId: "2", firstHumanResponseOn: "2019-11-10" })); // 40 days: beyond the service level
    crm.add(contact({ contactId: "3", channel: "020202", firstHumanResponseOn: "2019-10-11", pausedDays: 4 })); // 10 − 4 = 6 days
    crm.add(contact({ contactId: "4", channel: "020202" })); // unanswered (or only an automatic acknowledgement)
    crm.add(contact({ contactId: "5", channel: "020202", requiresResponse: false })); // information only
    const all = crm.overall();
    // Requiring a response: 1, 2, 3, 4. Answered: 1, 2, 3 → 75%. Times 2, 6, 40 → median 6, p90 40.
    expect(all).toEqual({
      contacts: 5,
      requiringResponse: 4,
      answered: 3,
      responseRate: 75,
      medianResponseDays: 6,
      p90ResponseDays: 40,
      pending: 0,
      answeredWithin: 2,
      withinServiceLevel: 50,
      resolutionRate: 25,
      medianResolutionDays: 9,
      channelsUnified: 2,
      channelsConfigured: 6,
    });
    expect(crm.byChannel().get("020202")).toMatchObject({
      contacts: 3,
      requiringResponse: 2,
      answered: 1,
      responseRate: 50,
      medianResponseDays: 6,
    });
  });

  it("counts a contact answered after the period in its period's figures, and has no rate without contacts", () => {
    const crm = new CrmAccumulator(settings, LATER);
    crm.add(contact({ createdOn: "2019-12-30", firstHumanResponseOn: "2020-01-08" }));
    expect(crm.overall()).toMatchObject({ answered: 1, medianResponseDays: 9, withinServiceLevel: 100 });
    expect(new CrmAccumulator(settings, LATER).overall()).toMatchObject({
      contacts: 0,
      responseRate: null,
      medianResponseDays: null,
      channelsUnified: 0,
    });
  });

  it("counts the service level in working days when configured", () => {
    const crm = new CrmAccumulator({ ...settings, serviceLevelDays: 3, dayCount: "WORKING" }, LATER);
    crm.add(contact({ createdOn: "2019-12-06", firstHumanResponseOn: "2019-12-11" })); // 3 working days: within
    crm.add(contact({ createdOn: "2019-12-06", firstHumanResponseOn: "2019-12-12" })); // 4: beyond
    expect(crm.overall()).toMatchObject({ withinServiceLevel: 50, medianResponseDays: 3 });
  });

  it("takes out a pause's working days only, in working-day mode", () => {
    const crm = new CrmAccumulator({ ...settings, serviceLevelDays: 5, dayCount: "WORKING" }, LATER);
    // Fri 4 → Fri 18 Dec 2020, working days after the 4th: 9, 10, 11, 14, 15, 16, 17, 18 = 8 (Mon 7 is
    // Sant'Ambrogio, Tue 8 the Immacolata). Paused Sat 5 → Fri 11: its working days are 9, 10, 11 = 3.
    // 8 − 3 = 5 (not 8 − 7 calendar days = 1): within a 5-day service level.
    const pause = { from: "2020-12-05", to: "2020-12-11" };
    crm.add(contact({ createdOn: "2020-12-04", firstHumanResponseOn: "2020-12-18", pausedDays: 7, pause }));
    // Resolved Wed 9 Dec, mid-pause: working days 9 (1) less the pause's by then, 9 (1) = 0.
    crm.add(contact({ createdOn: "2020-12-04", firstHumanResponseOn: "2020-12-09", resolvedOn: "2020-12-09", pause }));
    expect(crm.overall()).toMatchObject({ medianResponseDays: 0, p90ResponseDays: 5, withinServiceLevel: 100 });
    expect(crm.overall().medianResolutionDays).toBe(0);
    // Calendar mode reads the same pause as 7 days: 14 − 7 = 7.
    const calendar = new CrmAccumulator(settings, LATER);
    calendar.add(contact({ createdOn: "2020-12-04", firstHumanResponseOn: "2020-12-18", pause }));
    expect(calendar.overall().medianResponseDays).toBe(7);
  });

  it("reads a pause as paused_from and paused_to, and flags bare paused_days in working-day mode", () => {
    const job = crmResponseJob({ ...settings, dayCount: "WORKING" });
    const warnings: RowProblem[] = [];
    const row = (extra: Record<string, string>) =>
      job.parse(
        { contact_id: "1", channel: "EMAIL", created_at: "04/12/2020", requires_response: "S", ...extra },
        (problem) => warnings.push(problem),
      );
    expect(row({ paused_from: "05/12/2020", paused_to: "11/12/2020", paused_days: "7" }).pause).toEqual({
      from: "2020-12-05",
      to: "2020-12-11",
    });
    expect(() => row({ paused_from: "05/12/2020" })).toThrow(/both paused_from and paused_to/);
    expect(() => row({ paused_from: "11/12/2020", paused_to: "05/12/2020" })).toThrow(/before paused_from/);
    // 5 → 11 December is 7 days, both included.
    expect(() => row({ paused_from: "05/12/2020", paused_to: "11/12/2020", paused_days: "6" })).toThrow(/7 days/);
    expect(warnings).toEqual([]);
    row({ paused_days: "7" });
    expect(warnings.map((w) => w.message)).toEqual([expect.stringMatching(/give paused_from and paused_to/)]);
  });

  it("reads the flag and the responder as sources mostly write them as it reads any other spelling", () => {
    const job = crmResponseJob(settings);
    const row = (requires: string, by: string) =>
      job.parse(
        {
          contact_id: "1",
          channel: "EMAIL",
          created_at: "2019-10-01",
          requires_response: requires,
          first_response_at: "2019-10-03",
          first_response_by: by,
        },
        () => {},
      );
    // "S", "N", "OPERATORE" and "AUTOMATICO" are read without trimming or case folding; padded or in lower case, they are.
    for (const [plain, other] of [
      ["S", " s "],
      ["N", "no"],
    ])
      for (const [by, otherBy] of [
        ["OPERATORE", " operatore"],
        ["AUTOMATICO", "automatico "],
      ])
        expect(row(plain, by)).toEqual(row(other, otherBy));
    expect(row("S", "OPERATORE").firstHumanResponseOn).toBe("2019-10-03");
    expect(row("S", "AUTOMATICO").firstHumanResponseOn).toBeNull();
    expect(() => row("X", "OPERATORE")).toThrow('requires_response: "X" is neither S nor N');
    expect(() => row("S", "BOT")).toThrow('first_response_by: "BOT" is neither OPERATORE nor AUTOMATICO');
  });

  it("reads a channel in any case and spacing, as often as it comes, and refuses a blank one every time", () => {
    const job = crmResponseJob(settings);
    const channelOf = (channel: unknown) =>
      job.parse({ contact_id: "1", channel, created_at: "2019-10-01", requires_response: "N" }, () => {}).channel;
    const spellings = ["EMAIL", " email", "Email ", ...Array.from({ length: 70 }, (_, i) => `web${i}`)];
    for (let round = 0; round < 2; round++) {
      expect(spellings.map(channelOf)).toEqual(spellings.map((s) => s.trim().toUpperCase()));
      expect(channelOf(20202)).toBe("20202");
      expect(() => channelOf("  ")).toThrow("channel: is missing");
    }
  });

  it("leaves contacts still within the service level at the cut-off out of the share, as pending", () => {
    // A run on 2 Jan 2020 measuring 2019-Q4, service level 30 calendar days, none answered but C:
    //   A 1 Oct, unanswered: 93 days, a failure      B 20 Dec, unanswered: 13 days, pending
    //   C 30 Dec → 31 Dec: 1 day, within             D 2 Dec, unanswered: 31 days, a failure
    //   E 3 Dec, unanswered: 30 days, pending (it can still be answered today, on day 30)
    const contacts = [
      contact({ createdOn: "2019-10-01" }),
      contact({ createdOn: "2019-12-20" }),
      contact({ createdOn: "2019-12-30", firstHumanResponseOn: "2019-12-31" }),
      contact({ createdOn: "2019-12-02" }),
      contact({ createdOn: "2019-12-03" }),
    ];
    const onSecondJanuary = new CrmAccumulator(settings, "2020-01-02");
    contacts.forEach((c) => onSecondJanuary.add(c));
    // Share: C / (5 requiring − 2 pending) = 1/3 = 33.33%; the response rate stays 1/5 = 20%.
    expect(onSecondJanuary.overall()).toMatchObject({ pending: 2, answeredWithin: 1, responseRate: 20 });
    expect(onSecondJanuary.overall().withinServiceLevel).toBeCloseTo(100 / 3, 10);
    // A run on 1 Feb: B is at 43 days, E at 60, both past their deadline: 1/5 = 20%.
    const onFirstFebruary = new CrmAccumulator(settings, "2020-02-01");
    contacts.forEach((c) => onFirstFebruary.add(c));
    expect(onFirstFebruary.overall()).toMatchObject({ pending: 0, withinServiceLevel: 20 });
  });

  it("writes the share with its basis, and the pending contacts in the value's reason", () => {
    const today = todayInRome();
    const period = {
      year: Number(today.slice(0, 4)),
      kind: PeriodKind.QUARTER,
      index: Math.ceil(Number(today.slice(5, 7)) / 3),
    };
    const figures = crmResponseJob(settings).accumulator(period, false);
    figures.add(contact({ createdOn: today, firstHumanResponseOn: today })); // 0 days: within
    figures.add(contact({ createdOn: today })); // registered today, unanswered: pending
    const share = figures.values().find((v) => v.kpiCode === "SAL-CRM-ENTRO-SLA" && v.breakdown === null);
    // 1 within / (2 requiring − 1 pending) = 100%.
    expect(share).toMatchObject({
      value: "100.00",
      numerator: "1",
      denominator: "1",
      reason: `1 unanswered still within the service level on ${today}: pending, left out of the share`,
    });
  });
});
