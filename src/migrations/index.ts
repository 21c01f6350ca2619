import { InitialSchema1795612020597 } from "./1795612020597-InitialSchema";
import { AppendOnlyTables1795613669111 } from "./1795613669111-AppendOnlyTables";
import { JobEngine1795614439213 } from "./1795614439213-JobEngine";
import { MeasurementBreakdown1795614996076 } from "./1795614996076-MeasurementBreakdown";
import { EvaluationCycles1795616857329 } from "./1795616857329-EvaluationCycles";
import { PeopleAndIncentives1795617478933 } from "./1795617478933-PeopleAndIncentives";
import { AttainmentInputsVersion1795621365356 } from "./1795621365356-AttainmentInputsVersion";
import { FrozenScores1795623630655 } from "./1795623630655-FrozenScores";
import { SchedeAndMonitoring1796127113983 } from "./1796127113983-SchedeAndMonitoring";
import { PayrollSafeIncentives1796129042927 } from "./1796129042927-PayrollSafeIncentives";
import { MeasurementInForce1796130128068 } from "./1796130128068-MeasurementInForce";
import { StatutoryFigures1796130602002 } from "./1796130602002-StatutoryFigures";
import { AppropriationBase1796136468029 } from "./1796136468029-AppropriationBase";
import { Reminders1796137318609 } from "./1796137318609-Reminders";
import { Publications1796137529719 } from "./1796137529719-Publications";
import { SourceAlerts1796138230268 } from "./1796138230268-SourceAlerts";
import { EveryWriteCounted1796139078080 } from "./1796139078080-EveryWriteCounted";
import { AlertNotices1796141062745 } from "./1796141062745-AlertNotices";
import { PublicationReminders1796141745061 } from "./1796141745061-PublicationReminders";
import { PeopleCounted1796142000000 } from "./1796142000000-PeopleCounted";

/** Every migration, oldest first. `npm run migration:generate` rewrites this list. */
export const migrations = [
  InitialSchema1795612020597,
  AppendOnlyTables1795613669111,
  JobEngine1795614439213,
  MeasurementBreakdown1795614996076,
  EvaluationCycles1795616857329,
  PeopleAndIncentives1795617478933,
  AttainmentInputsVersion1795621365356,
  FrozenScores1795623630655,
  SchedeAndMonitoring1796127113983,
  PayrollSafeIncentives1796129042927,
  MeasurementInForce1796130128068,
  StatutoryFigures1796130602002,
  AppropriationBase1796136468029,
  Reminders1796137318609,
  Publications1796137529719,
  SourceAlerts1796138230268,
  EveryWriteCounted1796139078080,
  AlertNotices1796141062745,
  PublicationReminders1796141745061,
  PeopleCounted1796142000000,
];
