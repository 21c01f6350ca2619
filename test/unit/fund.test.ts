import { allocateCents, centsOf, eurosOf } from "../../src/incentives/fund";

const split = (fundCents: number, shares: Array<[string, number]>) =>
  allocateCents(
    fundCents,
    shares.map(([code, share]) => ({ code, share })),
  );

describe("a fund split to the cent", () => {
  it("splits € 1,000.00 over shares 0.5, 0.3, 0.2 as € 500, € 300, € 200", () => {
    expect(
      split(100_000, [
        ["A", 0.5],
        ["B", 0.3],
        ["C", 0.2],
      ]),
    ).toEqual([50_000, 30_000, 20_000]);
  });

  it("gives the cent left to the largest remainder: 10 cents over 0.46, 0.34, 0.2 is 4.6, 3.4, 2 → 5, 3, 2", () => {
    expect(
      split(10, [
        ["A", 0.46],
        ["B", 0.34],
        ["C", 0.2],
      ]),
    ).toEqual([5, 3, 2]);
  });

  it("breaks equal remainders by matricola: € 100.00 over three equal shares is 3,333.33… cents each → S001 gets the cent", () => {
    // 3 × 3,333 = 9,999 cents; 1 left; each remainder is 10,000 mod 3 = 1: the lowest matricola first.
    expect(
      split(10_000, [
        ["S003", 0.5],
        ["S001", 0.5],
        ["S002", 0.5],
      ]),
    ).toEqual([3333, 3334, 3333]);
  });

  it("pays nothing, and leaves the fund whole, when every share is 0", () => {
    expect(
      split(10_000, [
        ["A", 0],
        ["B", 0],
      ]),
    ).toEqual([0, 0]);
  });

  it("adds up to the fund exactly with shares that no float divides evenly", () => {
    const cents = split(123_456_789, [
      ["A", 0.123457],
      ["B", 0.7],
      ["C", 0.654321],
      ["D", 1e-6],
    ]);
    expect(cents.reduce((a, b) => a + b, 0)).toBe(123_456_789);
  });

  it("writes and reads euros to the cent", () => {
    expect(eurosOf(123_450)).toBe("1234.50");
    expect(eurosOf(7)).toBe("0.07");
    expect(centsOf("1234.5")).toBe(123_450);
    expect(centsOf("1250000.00")).toBe(125_000_000);
    expect(centsOf("12")).toBe(1200);
  });
});
