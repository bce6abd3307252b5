import { describe, expect, it } from "vitest";
import { fieldErrors } from "~/utils/forms";
import { createStaffSchema, signUpSchema } from "./account-forms";

describe("sign-up form", () => {
  it("normalises the username to lower case and trims the display name", () => {
    const parsed = signUpSchema.parse({ username: "  HocSinh.01 ", displayName: "  Nguyễn Văn An ", password: "12345678" });
    expect(parsed).toEqual({ username: "hocsinh.01", displayName: "Nguyễn Văn An", password: "12345678" });
  });

  it("reports each bad field with its i18n key", () => {
    const result = signUpSchema.safeParse({ username: "an phạm", displayName: "A", password: "short" });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(fieldErrors(result.error)).toEqual({
      username: "auth.usernameInvalid",
      displayName: "auth.displayNameInvalid",
      password: "auth.passwordTooShort",
    });
  });
});

describe("staff account form", () => {
  it("accepts only known roles and turns an empty unit into null", () => {
    const ok = createStaffSchema.parse({
      intent: "create",
      username: "gv.yenthe",
      displayName: "Cô Lan",
      password: "matkhau123",
      role: "teacher",
      unitId: "",
    });
    expect(ok.unitId).toBeNull();
    expect(createStaffSchema.safeParse({ ...ok, role: "superuser" }).success).toBe(false);
  });
});
