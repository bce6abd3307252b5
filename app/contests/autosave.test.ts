import { describe, expect, it } from "vitest";
import { isAcceptedAutosave } from "./autosave";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
};
const autosave = { formMethod: "POST" as const, formAction: "/rounds/r1/attempt/a1?q=2", formData: form({ index: "1", total: "10", choice: "0" }), actionResult: { problem: null } };

describe("isAcceptedAutosave", () => {
  it("skips the reload after an answer the server took", () => {
    expect(isAcceptedAutosave(autosave)).toBe(true);
    expect(isAcceptedAutosave({ ...autosave, formAction: "/rounds/r1/attempt/a1" })).toBe(true);
  });

  it("reloads after a refusal, a navigation button, the submit, and any other form", () => {
    expect(isAcceptedAutosave({ ...autosave, actionResult: { problem: "attempt.refused.deadline" } })).toBe(false);
    expect(isAcceptedAutosave({ ...autosave, actionResult: undefined })).toBe(false);
    expect(isAcceptedAutosave({ ...autosave, formData: form({ index: "1", total: "10", choice: "0", go: "next" }) })).toBe(false);
    expect(isAcceptedAutosave({ ...autosave, formData: form({ index: "1", total: "10", intent: "submit" }) })).toBe(false);
    expect(isAcceptedAutosave({ ...autosave, formAction: "/rounds/r1" })).toBe(false);
    expect(isAcceptedAutosave({ ...autosave, formAction: "/account" })).toBe(false);
    expect(isAcceptedAutosave({ ...autosave, formMethod: "GET" })).toBe(false);
  });
});
