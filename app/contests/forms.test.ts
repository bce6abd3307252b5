import { describe, expect, it } from "vitest";
import { needsGuardian, registrationSchema } from "./registration";
import { drawRuleFromGrid, parseVietnamLocal, toVietnamLocal } from "./round-form";

describe("registration", () => {
  const schema = registrationSchema(2026);
  const adult = {
    displayName: "Nguyễn Văn B",
    birthYear: "2000",
    audience: "young-workers",
    areaId: "d",
    unitId: "u",
    className: "",
    consent: "on",
  };

  it("treats whoever may still be 15 as under 16", () => {
    expect(needsGuardian(2010, 2026)).toBe(true); // 15 or 16 in 2026: not sure, so yes
    expect(needsGuardian(2009, 2026)).toBe(false);
  });

  it("asks an adult only for their own consent", () => {
    expect(schema.safeParse(adult).success).toBe(true);
    expect(schema.safeParse({ ...adult, consent: undefined }).error?.issues[0].message).toBe("register.error.consentRequired");
  });

  it("asks a child for their consent and a named guardian's declaration", () => {
    const child = { ...adult, birthYear: "2013", audience: "lower-secondary", className: " 8 a " };
    const messages = schema.safeParse(child).error?.issues.map((issue) => issue.message);
    expect(messages).toEqual(["register.error.childConsent", "register.error.guardianConsent", "register.error.guardianName"]);
    const parsed = schema.safeParse({ ...child, childConsent: "on", guardianConsent: "on", guardianName: "Trần Thị C" });
    expect(parsed.data?.className).toBe("8A");
  });

  it("refuses a birth year outside 6–100 years", () => {
    expect(schema.safeParse({ ...adult, birthYear: "2022" }).success).toBe(false);
    expect(schema.safeParse({ ...adult, birthYear: "abcd" }).success).toBe(false);
  });
});

describe("round form", () => {
  it("reads the topic × difficulty grid as mix buckets, skipping empty cells", () => {
    const rule = drawRuleFromGrid({ "mix.economic.easy": "3", "mix.economic.any": "0", "mix.asean-basics.any": "2", "mix.any": "1" }, [
      "asean-basics",
      "economic",
    ]);
    expect(rule).toEqual({
      kind: "mix",
      buckets: [
        { topic: "asean-basics", count: 2 },
        { topic: "economic", difficulty: "easy", count: 3 },
        { count: 1 },
      ],
    });
    expect(drawRuleFromGrid({ "mix.economic.easy": "-1" }, ["economic"])).toBeNull();
  });

  it("reads window times as Viet Nam time whatever the server's zone", () => {
    expect(parseVietnamLocal("2026-11-02T08:00")).toBe(Date.UTC(2026, 10, 2, 1, 0));
    expect(toVietnamLocal(Date.UTC(2026, 10, 2, 1, 0))).toBe("2026-11-02T08:00");
    expect(parseVietnamLocal("2026-11-02 08:00")).toBeNaN();
  });
});

