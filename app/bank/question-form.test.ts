import { describe, expect, it } from "vitest";
import { parsed, rawMultiple, rawSingle, rawTrueFalse, sampleTaxonomy } from "./__fixtures__/sample-questions";
import { formField, parseQuestionForm, questionToFormValues } from "./question-form";

describe("the question edit form", () => {
  it("gives back the same question it was opened on, for every type", () => {
    for (const question of [parsed(rawSingle()), parsed(rawMultiple()), parsed(rawTrueFalse({ image: undefined }))]) {
      const values = { ...questionToFormValues(question), baseRevision: "3" };
      expect(parseQuestionForm(question.id, values, sampleTaxonomy)).toEqual({ ok: true, question, baseRevision: 3 });
    }
  });

  it("names the input of each problem, with the file format's rules", () => {
    const values = {
      ...questionToFormValues(parsed(rawSingle())),
      baseRevision: "1",
      prompt_vi: "  ",
      [formField.optionCorrect(1)]: "",
      source_date: "8/8/1967",
      topic: "economic/no-such-subtopic",
    };
    const result = parseQuestionForm("asean-basics-0001", values, sampleTaxonomy);
    expect(result).toEqual({
      ok: false,
      errors: {
        prompt_vi: { code: "required" },
        options: { code: "needs-exactly-one-correct", params: { correct: 0 } },
        source_date: { code: "invalid-format" },
        topic: { code: "unknown-subtopic", params: { topic: "economic", subtopic: "no-such-subtopic" } },
      },
    });
  });
});
