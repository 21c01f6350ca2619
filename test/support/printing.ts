import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { underCi } from "./global-setup";

/** Debian's Chromium (or CHROMIUM_PATH): the tests download no browser. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Whether this machine can print a PDF with Chromium and read it back with poppler's pdftotext.
 * Under CI both must be there (.ci/run installs them): a check that silently skips proves nothing.
 */
export const canPrint = () => underCi() || (existsSync(CHROMIUM) && spawnSync("pdftotext", ["-v"]).error === undefined);
