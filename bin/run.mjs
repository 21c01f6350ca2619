// Runs a compiled command (`node bin/run.mjs src/cli/token.js …`), building the project first only
// when a source is newer than the build, so that a command takes a second rather than a full tsc run.
// Whatever the build says goes to stderr: stdout is the command's own (TOKEN=$(npm run -s token …)).
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL, URL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = ["src", "resolvers", "entities", "jobs", "ormconfig.ts", "tsconfig.json"];
const BUILT = join(root, "dist", "src", "main.js");

/** The newest modification time under a file or folder, 0 when it does not exist. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const [, , command, ...rest] = process.argv;
if (!command) {
  process.stderr.write("usage: node bin/run.mjs src/cli/<command>.js [arguments]\n");
  process.exit(2);
}
if (newest(BUILT) < Math.max(...SOURCES.map((source) => newest(join(root, source))))) {
  process.stderr.write("The sources changed since the last build: building (npm run build)…\n");
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const build = spawnSync(process.execPath, [tsc, "-p", join(root, "tsconfig.json")], { stdio: ["ignore", 2, 2] });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
// The command reads its arguments from process.argv as if it had been started directly.
const target = join(root, "dist", command);
process.argv = [process.argv[0], target, ...rest];
await import(pathToFileURL(target).href);
