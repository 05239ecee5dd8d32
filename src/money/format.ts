import { assertCents, type Cents } from "./cents.js";
import { divRound } from "./rounding.js";

/**
 * Formats cents as Dutch euros: `€ 1.234.567,89`, negative as `-€ 12,00`. Pure integer string
 * work, so it is exact for every safe amount; anything but a whole number of cents (1.5, NaN) is a
 * {@link FundingInputError}.
 * @category Money
 */
export function formatEuro(cents: Cents, options: { readonly decimals?: boolean } = {}): string {
  assertCents(cents, "cents");
  const negative = cents < 0;
  const abs = Math.abs(cents);
  const group = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  let body: string;
  if (options.decimals === false) {
    // Whole euros for wide tables: rounded half-up, never truncated.
    body = group(divRound(abs, 100, "halfUp"));
  } else {
    const euros = Math.floor(abs / 100);
    body = `${group(euros)},${String(abs - euros * 100).padStart(2, "0")}`;
  }
  return `${negative && body !== "0" ? "-" : ""}€ ${body}`;
}
