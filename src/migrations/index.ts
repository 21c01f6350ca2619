import { InitialSchema1795612020597 } from "./1795612020597-InitialSchema";

/** Every migration, oldest first. `npm run migration:generate` rewrites this list. */
export const migrations = [InitialSchema1795612020597];
