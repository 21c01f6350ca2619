import { IsOptional, Matches, MaxLength } from "class-validator";
import { Args, ArgsType, Authorized, Ctx, Field, Int, ObjectType, Query, Resolver } from "type-graphql";
import { AuditEvent } from "../entities/audit-event.entity";
import { Role } from "../entities/enums";
import { Context } from "../src/context";
import { Connection } from "./types/connection";
import { pageByKey } from "../src/pagination";

@ObjectType()
export class AuditEventConnection extends Connection(AuditEvent) {}

@ArgsType()
class AuditEventsArgs {
  @Field(() => String, { nullable: true, description: "e.g. Objective, Measurement, Act, Plan" })
  @IsOptional()
  @Matches(/^[A-Za-z]{1,64}$/, { message: "entityType must be an entity name such as Objective" })
  entityType?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(64)
  entityId?: string;

  @Field(() => Int, { nullable: true, description: "Page size, 1 to 500 (default 50)" })
  first?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  after?: string;
}

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Authorized(Role.ADMIN, Role.EVALUATION_BOARD)
  @Query(() => AuditEventConnection, {
    description: "Every write, oldest first: for administrators and the Nucleo di Valutazione",
  })
  async auditEvents(@Args() args: AuditEventsArgs, @Ctx() { dataSource }: Context): Promise<AuditEventConnection> {
    const query = dataSource.manager.createQueryBuilder(AuditEvent, "e");
    if (args.entityType !== undefined) query.andWhere("e.entityType = :entityType", { entityType: args.entityType });
    if (args.entityId !== undefined) query.andWhere("e.entityId = :entityId", { entityId: args.entityId });
    return pageByKey(query, "e", "ASC", args.first, args.after);
  }
}
