import { DataSource } from "typeorm";
import { PeriodKind, TransparencyObligation } from "../../entities/enums";
import { Publication } from "../../entities/publication.entity";
import { auditedCaller, recordAudit } from "../audit/record-audit";
import { Caller } from "../auth/caller";
import { todayInRome } from "../dates";
import { invalidInput } from "../errors";
import { parsePeriod, periodBounds, periodLabel } from "../periods";
import { PERIOD_KIND } from "./transparency-calendar";

const URL = /^https?:\/\/[^\s]{1,490}$/;

/**
 * Records that an obligation's figures for a period were published, where and on what day (today
 * in Milan when not given). Recorded again, the latest is in force and the earlier ones stay. Audited.
 */
export function recordPublication(
  dataSource: DataSource,
  caller: Caller,
  input: { obligation: TransparencyObligation; period: string; url: string; publishedOn?: string | null },
  now = new Date(),
): Promise<Publication> {
  const period = parsePeriod(input.period);
  const kind = PERIOD_KIND[input.obligation];
  if (!period || period.kind !== kind)
    throw invalidInput(
      "period",
      `"${input.period.slice(0, 20)}" is not a ${kind === PeriodKind.QUARTER ? "quarter such as 2019-Q1" : "year such as 2019"}, the period ${input.obligation} is published for`,
    );
  const url = input.url.trim();
  if (!URL.test(url)) throw invalidInput("url", "must be the http(s) address where the figures are published");
  const today = todayInRome(now);
  const publishedOn = input.publishedOn ?? today;
  if (publishedOn > today) throw invalidInput("publishedOn", `${publishedOn} is after today (${today})`);
  const { end } = periodBounds(period);
  if (publishedOn <= end)
    throw invalidInput("publishedOn", `${publishedOn} is not after the period's end (${end}): nothing to publish yet`);
  return dataSource.transaction(async (manager) => {
    const who = auditedCaller(caller);
    const result = await manager.insert(Publication, {
      obligation: input.obligation,
      period: periodLabel(period),
      url,
      publishedOn,
      recordedBy: who.actor,
      recordedAt: now,
    });
    const recorded = await manager.findOneByOrFail(Publication, { id: result.identifiers[0].id as number });
    await recordAudit(
      manager,
      {
        ...who,
        action: "PUBLICATION_RECORDED",
        entityType: "Publication",
        entityId: String(recorded.id),
        before: null,
        after: recorded,
      },
      now,
    );
    return recorded;
  });
}
