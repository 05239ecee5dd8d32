import { Decimal } from "decimal.js";

/**
 * A ratio given as an exact decimal string (`"1.0417"`, `"-0.0417"`, `"0.7300"`) as a Dutch
 * percentage with as many decimals as the ratio holds and no trailing zeros: `104,17 %`,
 * `-4,17 %`, `73 %`. String and decimal work only, so nothing is rounded twice.
 */
export function sharePercent(ratio: string): string {
  return `${new Decimal(ratio).times(100).toFixed().replace(".", ",")} %`;
}
