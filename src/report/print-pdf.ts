import { chromium } from "playwright-core";
import { HEADLESS_CHROMIUM_ARGS } from "../chromium";

/**
 * Prints an HTML page to PDF with the installed Chromium, honouring its print stylesheet (page
 * size, margins and the @page page numbers): the PDF is the HTML report, not a second layout.
 */
export async function printPdf(html: string, executablePath: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath, args: HEADLESS_CHROMIUM_ARGS }).catch((error: Error) => {
    throw new Error(
      `Cannot start Chromium at ${executablePath} (CHROMIUM_PATH) to print the PDF: ${error.message.split("\n")[0]}`,
    );
  });
  try {
    const page = await browser.newPage();
    // The page is self-contained: refuse anything it would fetch.
    await page.route("**/*", (route) => route.abort());
    await page.setContent(html, { waitUntil: "load" });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
