import { chromium } from "playwright-core";
import { HEADLESS_CHROMIUM_ARGS } from "../chromium";
import { DomainError, ErrorCode } from "../errors";

/**
 * Prints an HTML page to PDF with the installed Chromium, honouring its print stylesheet (page
 * size, margins and the @page page numbers): the PDF is the HTML report, not a second layout.
 */
export async function printPdf(html: string, executablePath: string): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath, args: HEADLESS_CHROMIUM_ARGS }).catch((error: Error) => {
    // The server's set-up, not the request: the other formats still work meanwhile.
    throw new DomainError(
      ErrorCode.SERVICE_UNAVAILABLE,
      `Il PDF non può essere stampato: Chromium non si avvia in ${executablePath} (CHROMIUM_PATH): ${error.message.split("\n")[0]}. I formati HTML e XLSX restano disponibili.`,
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
