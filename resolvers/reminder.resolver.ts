import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import { Role } from "../entities/enums";
import { OrgUnit } from "../entities/org-unit.entity";
import { Reminder } from "../entities/reminder.entity";
import { LocalDate } from "../entities/scalars";
import { Context } from "../src/context";
import { recordDirectorEmail } from "../src/reminders/director-email";

@Resolver(() => Reminder)
export class ReminderResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [Reminder], {
    description:
      "The reminders sent, failed or only listed, oldest first (at most 2000): on a day, or about a deadline (a monitoring date or a publication's due date)",
  })
  reminders(
    @Arg("day", () => LocalDate, { nullable: true }) day: string | null,
    @Arg("monitoringDate", () => LocalDate, { nullable: true }) monitoringDate: string | null,
    @Ctx() { dataSource }: Context,
  ): Promise<Reminder[]> {
    return dataSource.manager.find(Reminder, {
      where: { ...(day == null ? {} : { day }), ...(monitoringDate == null ? {} : { monitoringDate }) },
      order: { id: "ASC" },
      // A list field stays bounded: a day of reminders is one row per unit, far fewer.
      take: 2000,
    });
  }

  @FieldResolver(() => OrgUnit, {
    nullable: true,
    description: "The unit reminded; null for a publication deadline, which goes to the administrators",
  })
  async unit(@Root() reminder: Reminder, @Ctx() { loaders }: Context): Promise<OrgUnit | null> {
    return reminder.unitId === null ? null : (await loaders.unit.load(reminder.unitId))!;
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => String, {
    description:
      "Where a director's reminders go: their e-mail address (a new one replaces it, the old one stays on record)",
  })
  recordDirectorEmail(
    @Arg("personKey") personKey: string,
    @Arg("email") email: string,
    @Ctx() { dataSource, caller }: Context,
  ): Promise<string> {
    return recordDirectorEmail(dataSource, caller, personKey, email);
  }
}
