/**
 * Mints a bearer token for local use:
 *   JWT_SECRET=… npm run token -- --role UNIT_MANAGER --units EDU,TA:2019-09-09 --subject m.rossi
 */
import "reflect-metadata";
import { Command, InvalidArgumentError, Option } from "commander";
import { Role } from "../../entities/enums";
import { parseGrant, UnitGrant } from "../auth/caller";
import { mintToken } from "../auth/mint-token";
import { loadConfig } from "../config";

function grants(value: string): UnitGrant[] {
  return value.split(",").map((item) => {
    const [grant] = parseGrant(item.trim());
    if (!grant) throw new InvalidArgumentError(`"${item}" is not a unit code, or CODE:YYYY-MM-DD`);
    return grant;
  });
}

const program = new Command("token")
  .description("Print a signed bearer token for this server (signed with JWT_SECRET)")
  .addOption(new Option("--role <role...>", "one or more roles").choices(Object.values(Role)).makeOptionMandatory())
  .option("--units <codes>", "units a UNIT_MANAGER answers for: EDU,TA:2019-09-09 (from that date)", grants, [])
  .option("--subject <name>", "who the token is for", "local-user")
  .option("--ttl <span>", "lifetime, e.g. 8h or 30m", "8h")
  .action(async (options: { role: Role[]; units: UnitGrant[]; subject: string; ttl: string }) => {
    const token = await mintToken(loadConfig(), {
      subject: options.subject,
      roles: options.role,
      units: options.units,
      expiresIn: options.ttl,
    });
    console.log(token);
  });

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
