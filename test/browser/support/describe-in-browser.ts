import { existsSync } from "node:fs";
import { underCi } from "../../support/global-setup";
import { CHROMIUM } from "../../support/printing";

/**
 * Where Chromium is missing the browser suites skip on a developer's machine, but fail under CI
 * (CI=true), where .ci/run installs it: a browser test that silently skips proves nothing.
 */
export const describeInBrowser = existsSync(CHROMIUM) || underCi() ? describe : describe.skip;
