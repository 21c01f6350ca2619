import { decodeCursor, encodeCursor, MAX_PAGE_SIZE, pageSize, parseId } from "../../src/pagination";

describe("cursors and page sizes", () => {
  it("decodes the cursors it encodes", () => {
    expect(decodeCursor(encodeCursor(42))).toBe(42);
  });

  it("refuses a cursor it did not give out, naming the argument", () => {
    expect(() => decodeCursor("bm90LWEtY3Vyc29y")).toThrow(/^after: /);
    expect(() => decodeCursor(Buffer.from("position:1 OR 1=1").toString("base64url"))).toThrow(/^after: /);
  });

  it("caps the page size", () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    expect(() => pageSize(MAX_PAGE_SIZE + 1)).toThrow(/^first: /);
    expect(() => pageSize(0)).toThrow(/^first: /);
  });

  it("accepts only positive integer ids", () => {
    expect(parseId("id", "17")).toBe(17);
    for (const bad of ["0", "-1", "1.5", "abc", "1; DROP TABLE objective", "99999999999"]) {
      expect(() => parseId("id", bad)).toThrow(/^id: /);
    }
  });
});
