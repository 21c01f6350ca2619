import { operationLabel } from "../../src/metrics";

describe("the operation label of a request's metrics", () => {
  it("keeps an operation's name, and says none when the request gave none", () => {
    expect(operationLabel("Cruscotto")).toBe("Cruscotto");
    expect(operationLabel(undefined)).toBe("none");
  });

  it("puts a name that is not a GraphQL name, or too long, under other", () => {
    expect(operationLabel('a"} 1\nfake_metric{x="')).toBe("other");
    expect(operationLabel("x".repeat(65))).toBe("other");
  });

  it("keeps the first 200 names and puts any further new one under other, so a client cannot grow the series", () => {
    const labels = Array.from({ length: 250 }, (_, i) => operationLabel(`Op${i}`));
    // "Cruscotto" from the first test is one of the 200.
    expect(labels.filter((label) => label !== "other")).toHaveLength(199);
    expect(labels[198]).toBe("Op198");
    expect(labels[199]).toBe("other");
    expect(operationLabel("Op5")).toBe("Op5");
  });
});
