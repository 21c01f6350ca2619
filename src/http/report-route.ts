import { Router } from "express";
import { DataSource } from "typeorm";
import { Role } from "../../entities/enums";
import { createAttainmentService } from "../attainment/attainment-service";
import { YearDataCache } from "../attainment/year-data-cache";
import { TokenVerifier } from "../auth/caller";
import { databaseUnavailable, DomainError, ErrorCode, invalidInput } from "../errors";
import { Logger } from "../logger";
import { relazioneFile, reportDate, reportFormat } from "../report/relazione-file";
import { HTTP_STATUS } from "./format-error";

/** Who may read the Relazione before and after it is published: the administration and the Nucleo. */
export const REPORT_READERS = [Role.ADMIN, Role.EVALUATION_BOARD];

/**
 * GET /reports/relazione/2019.pdf (or .xlsx, .html) [?asOf=2020-06-30], with a bearer token of
 * ADMIN or EVALUATION_BOARD. Refusals answer in GraphQL's error shape with their code's status.
 */
export function reportRouter(
  dataSource: DataSource,
  yearDataCache: YearDataCache,
  tokens: TokenVerifier,
  chromiumPath: string,
  logger: Logger,
): Router {
  const router = Router();
  router.get("/reports/relazione/:file", async (req, res) => {
    try {
      const caller = await tokens.callerFrom(req.headers.authorization);
      if (caller.subject === null)
        throw new DomainError(ErrorCode.UNAUTHENTICATED, "Not authenticated: the Relazione needs a bearer token");
      if (!REPORT_READERS.some((role) => caller.roles.includes(role)))
        throw new DomainError(
          ErrorCode.FORBIDDEN,
          `Forbidden: this needs the role ${REPORT_READERS.join(" or ")} (you have ${caller.roles.join(", ") || "no role"})`,
          { requiredRoles: REPORT_READERS },
        );
      const match = /^(\d{4})\.([a-z]+)$/.exec(req.params.file);
      if (!match) throw invalidInput("file", `"${req.params.file}" is not <year>.<format>, such as 2019.pdf`);
      const asOf = typeof req.query.asOf === "string" ? req.query.asOf : undefined;
      const request = { year: Number(match[1]), format: reportFormat(match[2]), asOf: reportDate(asOf) };
      const file = await relazioneFile(
        dataSource,
        createAttainmentService(dataSource, yearDataCache),
        request,
        chromiumPath,
      );
      logger.info({ subject: caller.subject, year: request.year, format: request.format }, "relazione sent");
      res
        .status(200)
        .type(file.contentType)
        .set("content-disposition", `attachment; filename="${file.fileName}"`)
        .set("cache-control", "no-store")
        .send(file.body);
    } catch (error) {
      const domain = databaseUnavailable(error) ?? error;
      if (!(domain instanceof DomainError)) {
        logger.error({ err: error }, "the Relazione could not be made");
        res
          .status(500)
          .json({ errors: [{ message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
        return;
      }
      if (domain.code === ErrorCode.UNAUTHENTICATED) res.set("www-authenticate", 'Bearer realm="traguardo"');
      res
        .status(HTTP_STATUS[domain.code])
        .json({ errors: [{ message: domain.message, extensions: { code: domain.code, ...domain.details } }] });
    }
  });
  return router;
}
