import { z } from "zod";
import { enrolmentSchema, unitCodeSchema, unitKindSchema, unitNameSchema } from "./unit-tree";

const optionalId = z
  .string()
  .optional()
  .transform((value) => value || null);

export const addUnitSchema = z.object({
  intent: z.literal("add"),
  code: unitCodeSchema,
  name: unitNameSchema,
  kind: unitKindSchema,
  parentId: optionalId,
  enrolment: enrolmentSchema,
});

export const renameUnitSchema = z.object({
  intent: z.literal("rename"),
  unitId: z.string().min(1, "units.error.unknownUnit"),
  name: unitNameSchema,
});

export const moveUnitSchema = z.object({
  intent: z.literal("move"),
  unitId: z.string().min(1, "units.error.unknownUnit"),
  parentId: optionalId,
});
