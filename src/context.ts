import { DataSource } from "typeorm";
import { Caller } from "./auth/caller";
import { Config } from "./config";
import { Loaders } from "./loaders";

/** What every resolver receives: the configuration, the verified caller, this request's loaders, the database. */
export interface Context {
  config: Config;
  caller: Caller;
  loaders: Loaders;
  dataSource: DataSource;
}
