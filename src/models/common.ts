import { z } from "zod";

/** Optional display name shared by every model config. */
export const LabelSchema = z.string().trim().min(1).optional().describe("display name in tables and charts");
