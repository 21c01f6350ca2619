import { MaxLength } from "class-validator";
import { Args, ArgsType, Authorized, Ctx, Field, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Act } from "../entities/act.entity";
import { Administration } from "../entities/administration.entity";
import { Ambiguity } from "../entities/ambiguity.entity";
import { Plan } from "../entities/plan.entity";
import { Context } from "../src/context";
import { READERS } from "../src/auth/auth-checker";
import { DomainError, ErrorCode } from "../src/errors";

@ArgsType()
class PlanArgs {
  @Field(() => String, {
    nullable: true,
    description: "The plan's code; may be left out while the server holds one plan",
  })
  @MaxLength(64)
  code?: string;
}

@Resolver(() => Plan)
export class PlanResolver {
  @Authorized(READERS)
  @Query(() => Plan, { description: "A plan by code; without a code, the one plan this server holds" })
  async plan(@Args() { code }: PlanArgs, @Ctx() { dataSource }: Context): Promise<Plan> {
    const plans = await dataSource.manager.find(Plan, { where: code == null ? {} : { code }, take: 2 });
    if (plans.length === 0)
      throw new DomainError(ErrorCode.NOT_FOUND, code == null ? "No plan is loaded" : `No plan has the code "${code}"`);
    if (plans.length > 1)
      throw new DomainError(ErrorCode.INVALID_INPUT, "This server holds several plans: name one with `code`", {
        field: "code",
      });
    return plans[0];
  }

  @FieldResolver(() => Administration)
  administration(@Root() plan: Plan, @Ctx() { dataSource }: Context): Promise<Administration> {
    return dataSource.manager.findOneByOrFail(Administration, { id: plan.administrationId });
  }

  @FieldResolver(() => [Act], { description: "The acts that approved, changed or are cited by the plan, oldest first" })
  acts(@Root() plan: Plan, @Ctx() { dataSource }: Context): Promise<Act[]> {
    return dataSource.manager.find(Act, { where: { planId: plan.id }, order: { date: "ASC", id: "ASC" } });
  }

  @FieldResolver(() => [Ambiguity], { description: "Where the source text needed reading, and how it was read" })
  ambiguities(@Root() plan: Plan, @Ctx() { dataSource }: Context): Promise<Ambiguity[]> {
    return dataSource.manager.find(Ambiguity, { where: { planId: plan.id }, order: { seedLine: "ASC" } });
  }
}
