import { DataSource } from "typeorm";
import { ObjectiveLevel, ObjectiveStatus } from "../../entities/enums";
import { ObjectiveYear } from "../../entities/objective-year.entity";
import { Objective } from "../../entities/objective.entity";
import { OrgUnit } from "../../entities/org-unit.entity";
import { DomainError, ErrorCode } from "../errors";

export interface ObjectiveFilter {
  level?: ObjectiveLevel;
  year?: number;
  unitName?: string;
  unitCode?: string;
  status?: ObjectiveStatus;
}

export interface ObjectivePage {
  totalCount: number;
  nodes: Objective[];
  hasNextPage: boolean;
}

/**
 * One page of the plan's objectives in document order, filtered in SQL. A unit filter means the
 * unit that owns the objective as the plan stands now; naming a unit that does not exist is an
 * error rather than an empty page, so a typo does not pass for "no objectives".
 */
export async function listObjectives(
  dataSource: DataSource,
  filter: ObjectiveFilter,
  afterPosition: number | null,
  size: number,
): Promise<ObjectivePage> {
  const query = dataSource.manager
    .createQueryBuilder(Objective, "o")
    .where("o.status = :status", { status: filter.status ?? ObjectiveStatus.ACTIVE });
  if (filter.level) query.andWhere("o.level = :level", { level: filter.level });
  if (filter.year !== undefined) {
    query.innerJoin(ObjectiveYear, "y", "y.objectiveId = o.id AND y.year = :year", { year: filter.year });
  }
  const unitIds = await unitIdsFor(dataSource, filter);
  if (unitIds) query.andWhere("o.ownerUnitId IN (:...unitIds)", { unitIds });

  const totalCount = await query.getCount();
  if (afterPosition !== null) query.andWhere("o.position > :after", { after: afterPosition });
  const rows = await query
    .orderBy("o.position", "ASC")
    .take(size + 1)
    .getMany();
  return { totalCount, nodes: rows.slice(0, size), hasNextPage: rows.length > size };
}

async function unitIdsFor(dataSource: DataSource, filter: ObjectiveFilter): Promise<number[] | null> {
  if (filter.unitName === undefined && filter.unitCode === undefined) return null;
  const where = filter.unitCode !== undefined ? { code: filter.unitCode } : { name: filter.unitName };
  const units = await dataSource.manager.find(OrgUnit, { select: { id: true }, where });
  if (units.length === 0) {
    const label = filter.unitCode !== undefined ? `code "${filter.unitCode}"` : `name "${filter.unitName}"`;
    throw new DomainError(ErrorCode.NOT_FOUND, `No organisational unit has the ${label}`);
  }
  return units.map((u) => u.id);
}
