import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { KeptRow, RowJournal } from "../../jobs/engine/row-journal";

const journalFiles = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`traguardo-rows-${process.pid}-`));

describe("a run's journal of kept rows", () => {
  it("gives back every row in order, in batches, as often as asked, across chunk and character boundaries", () => {
    const journal = new RowJournal();
    // Multi-byte text makes some rows end inside a 64 kB chunk's last character.
    const rows: KeptRow[] = Array.from({ length: 2_500 }, (_, i) => ({
      line: i + 2,
      reason: `term_days: ${i} giorni, più dei 60 — ${"è".repeat(i % 97)}`,
      raw: JSON.stringify({ invoice_id: `F-${i}`, note: "€🙂".repeat(i % 13) }),
    }));
    rows.forEach((row) => journal.push(row));
    expect(journal.length).toBe(2_500);
    for (let pass = 0; pass < 2; pass += 1) {
      const batches = [...journal.batches(1_000)];
      expect(batches.map((b) => b.length)).toEqual([1_000, 1_000, 500]);
      expect(batches.flat()).toEqual(rows);
    }
    journal.discard();
  });

  it("writes nothing while it is empty, and leaves no file once discarded", () => {
    const before = journalFiles().length;
    const empty = new RowJournal();
    expect([...empty.batches(500)]).toEqual([]);
    expect(journalFiles()).toHaveLength(before);

    const journal = new RowJournal();
    journal.push({ line: 2, reason: "r", raw: "{}" });
    expect([...journal.batches(500)]).toEqual([[{ line: 2, reason: "r", raw: "{}" }]]);
    expect(journalFiles()).toHaveLength(before + 1);
    journal.discard();
    expect(journalFiles()).toHaveLength(before);
  });
});
