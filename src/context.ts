import { DataSource } from "typeorm";
import { AttainmentInputs } from "./attainment/attainment-inputs";
import { AttainmentService } from "./attainment/attainment-service";
import { YearDataCache } from "./attainment/year-data-cache";
import { Caller } from "./auth/caller";
import { Config } from "./config";
import { DataVersions, readDataVersions } from "./data-versions";
import { RequestLog } from "./http/access-log";
import { PreparedEligibility } from "./incentives/prepared-eligibility";
import { createLoaders, Loaders } from "./loaders";
import { PlanYears, readPlanYears } from "./plan/plan-years";

/** What every resolver receives: the configuration, the verified caller, this request's readers, the database. */
export interface Context {
  config: Config;
  caller: Caller;
  loaders: Loaders;
  attainment: AttainmentService;
  /** The plan's years, read once per request. */
  planYears: () => Promise<PlanYears | null>;
  /** Every change counter, read once per request (the response cache's key, attainment's inputs). */
  dataVersions: () => Promise<DataVersions>;
  dataSource: DataSource;
  /** The eligibility of the year under review, computed ahead by the server (shared by its requests). */
  preparedEligibility: PreparedEligibility;
  /** When this request's time budget runs out (epoch ms): no field that does work starts after it. */
  deadline: number;
  /** What the access log line of this request says (src/http/access-log.ts). */
  log: RequestLog;
}

/** A request's readers, made afresh: its loaders and attainment share one set of inputs over the server's cache. */
export function requestReaders(
  dataSource: DataSource,
  yearDataCache: YearDataCache,
): Pick<Context, "loaders" | "attainment" | "planYears" | "dataVersions"> {
  let versions: Promise<DataVersions> | undefined;
  const dataVersions = () => (versions ??= readDataVersions(dataSource.manager));
  const inputs = new AttainmentInputs(dataSource, yearDataCache, dataVersions);
  let planYears: Promise<PlanYears | null> | undefined;
  return {
    loaders: createLoaders(dataSource, inputs),
    attainment: new AttainmentService(inputs),
    planYears: () => (planYears ??= readPlanYears(dataSource.manager)),
    dataVersions,
  };
}
