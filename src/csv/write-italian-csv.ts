/**
 * The Italian CSV dialect as a spreadsheet in Italian locale opens it: `;` between cells, UTF-8
 * with a byte-order mark, CRLF lines. A cell a spreadsheet would read as a formula (=, +, -, @,
 * or a tab or return before one) gets a leading apostrophe; a cell with `;`, a quote or a line
 * break is quoted. Cells are text already written the Italian way (decimal commas).
 */
const ITALIAN_NUMBER = /^-\d{1,3}(\.\d{3})*(,\d+)?$|^-\d+(,\d+)?$/;

const neutralised = (cell: string) => (/^[=+\-@\t\r]/.test(cell) && !ITALIAN_NUMBER.test(cell) ? `'${cell}` : cell);

const quoted = (cell: string) => (/[;"\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

export function italianCsv(rows: ReadonlyArray<readonly string[]>): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => quoted(neutralised(cell))).join(";")).join("\r\n")}\r\n`;
}
