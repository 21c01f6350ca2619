import { ClassType, Field, Int, ObjectType } from "type-graphql";

@ObjectType({ description: "Where a page ends and whether more follow" })
export class PageInfo {
  @Field(() => String, { nullable: true, description: "Pass as `after` to get the next page" })
  endCursor!: string | null;

  @Field()
  hasNextPage!: boolean;
}

/** A page of a list that can grow: the total, the nodes of this page, and how to get the next. */
export function Connection<T extends object>(Item: ClassType<T>) {
  @ObjectType()
  abstract class ConnectionType {
    @Field(() => Int, { description: "How many match the filters, over every page" })
    totalCount!: number;

    @Field(() => [Item])
    nodes!: T[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;
  }
  return ConnectionType;
}
