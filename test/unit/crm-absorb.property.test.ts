import fc from "fast-check";
import { crmResponseJob } from "../../jobs/crm-response.job";
import { CrmAccumulator, CrmContact, CrmSettings } from "../../jobs/formulas/crm";
import { JobValue } from "../../jobs/job";
import { PeriodKind } from "../../entities/enums";
import { fromDayNumber, dayNumber } from "../../src/dates";
import { periodBounds, periodsOf } from "../../src/periods";

/**
 * A year run folds each contact once, into its quarter, and adds the quarters up into the year
 * (absorb): whatever the contacts and however they are split, the sum must give the figures of
 * folding every contact into one accumulator.
 */
const YEAR_START = dayNumber("2019-01-01");
const CUT_OFF = "2020-01-20";

const contactOf = fc
  .record({
    day: fc.integer({ min: 0, max: 364 }),
    channel: fc.constantFrom("EMAIL", "WEB", "020202", "FAX"),
    requiresResponse: fc.boolean(),
    responseAfter: fc.option(fc.integer({ min: 0, max: 120 })),
    resolvedAfter: fc.option(fc.integer({ min: 0, max: 200 })),
    pausedDays: fc.integer({ min: 0, max: 10 }),
    pause: fc.option(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 9 }))),
  })
  .map(({ day, channel, requiresResponse, responseAfter, resolvedAfter, pausedDays, pause }): CrmContact => {
    const created = YEAR_START + day;
    return {
      contactId: `C${day}`,
      channel,
      createdOn: fromDayNumber(created),
      requiresResponse,
      firstHumanResponseOn: responseAfter === null ? null : fromDayNumber(created + responseAfter),
      resolvedOn: resolvedAfter === null ? null : fromDayNumber(created + resolvedAfter),
      pausedDays: pause ? pause[1] + 1 : pausedDays,
      pause: pause && {
        from: fromDayNumber(created + pause[0]),
        to: fromDayNumber(created + pause[0] + pause[1]),
      },
    };
  });

const settingsOf = fc.constantFrom<CrmSettings>(
  { serviceLevelDays: 30, dayCount: "CALENDAR", configuredChannels: ["EMAIL", "WEB", "020202"] },
  { serviceLevelDays: 20, dayCount: "WORKING", configuredChannels: ["EMAIL", "WEB", "APP"] },
);

/** Figures by channel, in channel order, so that the order channels first appeared in does not count. */
const byChannel = (accumulator: CrmAccumulator) => [...accumulator.byChannel()].sort(([a], [b]) => (a < b ? -1 : 1));

const sortedValues = (values: JobValue[]) =>
  values
    .map((v) => ({ ...v, period: `${v.period.kind}${v.period.index}` }))
    .sort((a, b) => `${a.kpiCode}|${a.breakdown}`.localeCompare(`${b.kpiCode}|${b.breakdown}`));

describe("CRM accumulators add up", () => {
  it("contacts folded in parts and absorbed give the figures of one fold", () => {
    fc.assert(
      fc.property(
        settingsOf,
        fc.array(fc.tuple(contactOf, fc.integer({ min: 0, max: 3 })), { maxLength: 120 }),
        (settings, contacts) => {
          const whole = new CrmAccumulator(settings, CUT_OFF);
          const parts = [0, 1, 2, 3].map(() => new CrmAccumulator(settings, CUT_OFF));
          for (const [contact, part] of contacts) {
            whole.add(contact);
            parts[part].add(contact);
          }
          const summed = new CrmAccumulator(settings, CUT_OFF);
          parts.forEach((part) => summed.absorb(part));
          expect(summed.overall()).toEqual(whole.overall());
          expect(byChannel(summed)).toEqual(byChannel(whole));
        },
      ),
    );
  });

  it("the job's year from its quarters gives the values of the year folded whole", () => {
    fc.assert(
      fc.property(settingsOf, fc.array(contactOf, { maxLength: 120 }), (settings, contacts) => {
        const job = crmResponseJob(settings);
        const year = { year: 2019, kind: PeriodKind.YEAR, index: 0 };
        const quarters = periodsOf(year).filter((p) => p.kind === PeriodKind.QUARTER);
        const direct = job.accumulator(year, false);
        const parts = quarters.map((q) => ({ ...periodBounds(q), accumulator: job.accumulator(q, false) }));
        for (const contact of contacts) {
          direct.add(contact);
          parts.find((q) => q.start <= contact.createdOn && contact.createdOn <= q.end)!.accumulator.add(contact);
        }
        const summed = job.accumulator(year, false);
        parts.forEach((q) => summed.absorb!(q.accumulator));
        expect(sortedValues(summed.values())).toEqual(sortedValues(direct.values()));
      }),
    );
  });
});
