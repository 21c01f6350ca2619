/**
 * How the installed Chromium is started wherever it runs here (the PDF of the Relazione, the
 * dashboard's browser tests): headless, no sandbox for a container, and no network of its own:
 * no updates, no profile sync, no background requests.
 */
export const HEADLESS_CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
