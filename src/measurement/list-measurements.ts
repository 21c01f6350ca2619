import { DataSource } from "typeorm";
import { Measurement } from "../../entities/measurement.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { notFound } from "../errors";

export interface MeasurementFilter {
  year?: number;
  unitCode?: string;
  includeSuperseded: boolean;
}

/** A KPI's values in period order; by default only those in force (not corrected since). */
export async function listMeasurements(
  dataSource: DataSource,
  kpiId: number,
  filter: MeasurementFilter,
): Promise<Measurement[]> {
  const query = dataSource.manager.createQueryBuilder(Measurement, "m").where("m.kpiId = :kpiId", { kpiId });
  if (filter.year !== undefined) query.andWhere("m.year = :year", { year: filter.year });
  if (filter.unitCode !== undefined) {
    const unit = await dataSource.manager.findOneBy(OrgUnit, { code: filter.unitCode });
    if (!unit) throw notFound(`The organisational unit "${filter.unitCode}"`);
    query.andWhere("m.orgUnitId = :unitId", { unitId: unit.id });
  }
  if (!filter.includeSuperseded) {
    query.leftJoin(Measurement, "later", "later.supersedesId = m.id").andWhere("later.id IS NULL");
  }
  return query.orderBy("m.year").addOrderBy("m.periodKind").addOrderBy("m.periodIndex").addOrderBy("m.id").getMany();
}
