import { Arg, Authorized, Ctx, Query, Resolver } from "type-graphql";
import { IsNull } from "typeorm";
import { SourceAlert } from "../entities/source-alert.entity";
import { READERS } from "../src/auth/auth-checker";
import { Context } from "../src/context";

@Resolver(() => SourceAlert)
export class SourceAlertResolver {
  @Authorized(READERS)
  @Query(() => [SourceAlert], {
    description:
      "Alerts on the jobs' sources, newest first: open ones (default) for the dashboard's overview, or all with their clearing",
  })
  sourceAlerts(
    @Arg("open", () => Boolean, { defaultValue: true }) open: boolean,
    @Ctx() { dataSource }: Context,
  ): Promise<SourceAlert[]> {
    return dataSource.manager.find(SourceAlert, {
      where: open ? { clearedAt: IsNull() } : {},
      order: { id: "DESC" },
      take: 500,
    });
  }
}
