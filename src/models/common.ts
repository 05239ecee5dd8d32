import { z } from "zod";

/** Optional display name shared by every model config. */
export const LabelSchema = z.string().trim().regex(/\S/, "must not be empty").optional().describe("display name in tables and charts");
