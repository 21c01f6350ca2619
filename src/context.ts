import { DataSource } from "typeorm";
import { AttainmentInputs } from "./attainment/attainment-inputs";
import { AttainmentService } from "./attainment/attainment-service";
import { YearDataCache } from "./attainment/year-data-cache";
import { Caller } from "./auth/caller";
import { Config } from "./config";
import { createLoaders, Loaders } from "./loaders";

/** What every resolver receives: the configuration, the verified caller, this request's readers, the database. */
export interface Context {
  config: Config;
  caller: Caller;
  loaders: Loaders;
  attainment: AttainmentService;
  dataSource: DataSource;
}

/** A request's readers, made afresh: its loaders and attainment share one set of inputs over the server's cache. */
export function requestReaders(
  dataSource: DataSource,
  yearDataCache: YearDataCache,
): Pick<Context, "loaders" | "attainment"> {
  const inputs = new AttainmentInputs(dataSource, yearDataCache);
  return { loaders: createLoaders(dataSource, inputs), attainment: new AttainmentService(inputs) };
}
