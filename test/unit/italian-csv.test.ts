import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CsvRow, CsvUnreadable, readCsvFile, readCsvText } from "../../src/csv/italian-csv";

// As Excel saves it: a BOM, CRLF between rows and LF within a cell; then a header in mixed case with
// blanks, `;` between fields and a decimal comma, a blank line, a value across two lines, a short row.
const EXPORT =
  "\uFEFF Matricola ;Nome;Quota\r\n" +
  "M001; Anna Bianchi ;0,5\r\n" +
  "\r\n" +
  'S002;"Paolo\nRossi";1\r\n' +
  "S003;Giulia Verdi\r\n";
const ROWS: CsvRow[] = [
  { line: 2, fields: { matricola: "M001", nome: "Anna Bianchi", quota: "0,5" } },
  { line: 5, fields: { matricola: "S002", nome: "Paolo\nRossi", quota: "1" } },
  { line: 6, fields: { matricola: "S003", nome: "Giulia Verdi" } },
];

function file(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "traguardo-csv-")), "export.csv");
  writeFileSync(path, text);
  return path;
}

async function all(rows: AsyncIterable<CsvRow>): Promise<CsvRow[]> {
  const read: CsvRow[] = [];
  for await (const row of rows) read.push(row);
  return read;
}

describe("the Italian CSV reader", () => {
  it("reads values by lower-case header, trimmed, each with its line, skipping the BOM and blank lines", () => {
    expect(readCsvText("dipendenti", EXPORT)).toEqual(ROWS);
  });

  it("streams a file to the same rows as the whole text", async () => {
    expect(await all(readCsvFile(file(EXPORT)))).toEqual(ROWS);
  });

  it("reads a file whose header has no `;` with `,` between fields", async () => {
    const text = "matricola,quota\nM001,1\n";
    expect(readCsvText("dipendenti", text)).toEqual([{ line: 2, fields: { matricola: "M001", quota: "1" } }]);
    expect(await all(readCsvFile(file(text)))).toEqual([{ line: 2, fields: { matricola: "M001", quota: "1" } }]);
  });

  it("keeps the values of a row longer than its header apart, for the reader to refuse, in the text and the stream", async () => {
    const text = "matricola,quota\nM001,0,5\nM002,1\n";
    const rows: CsvRow[] = [
      { line: 2, fields: { matricola: "M001", quota: "0" }, surplus: ["5"] },
      { line: 3, fields: { matricola: "M002", quota: "1" } },
    ];
    expect(readCsvText("dipendenti", text)).toEqual(rows);
    expect(await all(readCsvFile(file(text)))).toEqual(rows);
  });

  it("refuses a text it cannot read past, naming the source and the line", async () => {
    const broken = 'matricola;nome\nM001;"Anna\n';
    expect(() => readCsvText("dipendenti", broken)).toThrow(CsvUnreadable);
    expect(() => readCsvText("dipendenti", broken)).toThrow(/^dipendenti: .*line 2/);
    const path = file(broken);
    await expect(all(readCsvFile(path))).rejects.toThrow(new RegExp(`^${path}: .*line 2`));
  });
});
