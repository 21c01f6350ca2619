import { ObjectiveFiguresFragment, ReviewFieldsFragment } from "../../generated/graphql";

/** An objective's figures as the UnitScheda query answers them. */
export type ObjectiveFigures = ObjectiveFiguresFragment;
export type KpiFigures = ObjectiveFigures["kpis"][number];
export type ReviewFields = ReviewFieldsFragment;
