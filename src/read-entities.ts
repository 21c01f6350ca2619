import { ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { DriverUtils } from "typeorm/driver/DriverUtils";

/**
 * The rows of a query on one entity (joins only filter), made into entities column by column.
 * TypeORM's own hydration also groups rows for the joined relations these queries do not select,
 * and that took most of a dashboard's time: a request reads thousands of KPIs and values.
 */
export async function readEntities<E extends ObjectLiteral>(query: SelectQueryBuilder<E>): Promise<E[]> {
  const { metadata, name } = query.expressionMap.mainAlias!;
  const driver = query.connection.driver;
  const columns = metadata.columns.map((column) => ({
    column,
    key: DriverUtils.buildAlias(driver, undefined, name, column.databaseName),
  }));
  const rows = await query.getRawMany<Record<string, unknown>>();
  return rows.map((row) => {
    const entity = metadata.create() as E;
    for (const { column, key } of columns) column.setEntityValue(entity, driver.prepareHydratedValue(row[key], column));
    return entity;
  });
}
