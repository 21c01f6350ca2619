import { DataSource } from "typeorm";
import { Caller } from "./auth/caller";
import { Loaders } from "./loaders";

/** What every resolver receives: the verified caller, this request's loaders, the database. */
export interface Context {
  caller: Caller;
  loaders: Loaders;
  dataSource: DataSource;
}
