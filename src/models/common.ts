import { NameSchema } from "../caseload/names.js";

/** Optional display name shared by every model config. */
export const LabelSchema = NameSchema.optional().describe("display name in tables and charts");
