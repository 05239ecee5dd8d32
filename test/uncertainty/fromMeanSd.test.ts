/** dampack-style helpers: the node they return has the asked mean and sd (analytic moments of the node). */
import { describe, expect, it } from "vitest";
import { issueTexts } from "../support/examples.js";
import { DistributionSchema, betaFromMeanSd, gammaFromMeanSd, lognormalFromMeanSd } from "../../src/index.js";


describe("betaFromMeanSd", () => {
  it("reproduces mean and sd (beta mean α/(α+β), variance αβ/((α+β)²(α+β+1)))", () => {
    for (const [mean, sd] of [[0.3, 0.1], [0.9, 0.05], [0.5, 0.2887]] as const) {
      const d = betaFromMeanSd(mean, sd);
      expect(d.distribution).toBe("beta");
      const s = d.alpha + d.beta;
      expect(d.alpha / s).toBeCloseTo(mean, 12);
      expect(Math.sqrt((d.alpha * d.beta) / (s * s * (s + 1)))).toBeCloseTo(sd, 12);
      expect(DistributionSchema.safeParse(d).success).toBe(true);
    }
  });

  it("mean 0.3, sd 0.1 by hand: α = 0.09·0.7/0.01 − 0.3 = 6, β = 6·0.7/0.3 = 14", () => {
    const d = betaFromMeanSd(0.3, 0.1);
    expect(d.alpha).toBeCloseTo(6, 12);
    expect(d.beta).toBeCloseTo(14, 12);
  });

  it("scales to a range, and carries name and as", () => {
    // mean 40 on [0, 100] is 0.4 standardised, sd 10 is 0.1: α = 0.16·0.6/0.01 − 0.4 = 9.2, β = 9.2·0.6/0.4 = 13.8
    const d = betaFromMeanSd(40, 10, { range: { min: 0, max: 100 }, name: "uitval", as: "percent" });
    expect(d).toMatchObject({ distribution: "beta", min: 0, max: 100, name: "uitval", as: "percent" });
    expect(d.alpha).toBeCloseTo(9.2, 12);
    expect(d.beta).toBeCloseTo(13.8, 12);
  });

  it("refuses what no beta can have, saying why", () => {
    expect(issueTexts(() => betaFromMeanSd(0.5, 0.5))).toEqual([
      "sd: a beta on [0, 1] with mean 0.5 needs sd² < (mean − min)(max − mean) = 0.25, so sd < 0.5; got sd 0.5",
    ]);
    expect(issueTexts(() => betaFromMeanSd(1.2, 0.1))).toEqual(["mean: a beta on [0, 1] needs a mean strictly inside it, got 1.2"]);
    expect(issueTexts(() => betaFromMeanSd(0.5, 0))).toEqual(["sd: sd must be greater than 0, got 0"]);
    expect(issueTexts(() => betaFromMeanSd(NaN, 0.1))).toEqual(["mean: mean must be a finite number, got NaN"]);
    expect(issueTexts(() => betaFromMeanSd(5, 1, { range: { min: 10, max: 0 } }))).toEqual(["range: max (0) must be greater than min (10)"]);
  });
});

describe("gammaFromMeanSd", () => {
  it("reproduces mean kθ and sd √k·θ; mean 10, sd 5 by hand: shape 4, scale 2.5", () => {
    const d = gammaFromMeanSd(10, 5, { name: "duur" });
    expect(d).toEqual({ distribution: "gamma", shape: 4, scale: 2.5, name: "duur" });
    const e = gammaFromMeanSd(0.37, 1.9);
    expect(e.shape * e.scale).toBeCloseTo(0.37, 12);
    expect(Math.sqrt(e.shape) * e.scale).toBeCloseTo(1.9, 12);
  });

  it("refuses a mean or sd that is not positive", () => {
    expect(issueTexts(() => gammaFromMeanSd(-1, 0))).toEqual(["mean: mean must be greater than 0, got -1", "sd: sd must be greater than 0, got 0"]);
  });
});

describe("lognormalFromMeanSd", () => {
  it("is parameterised by the mean and sd of the variable itself", () => {
    expect(lognormalFromMeanSd(5, 3, { as: "euros" })).toEqual({ distribution: "lognormal", mean: 5, sd: 3, as: "euros" });
    expect(issueTexts(() => lognormalFromMeanSd(0, 3))).toEqual(["mean: mean must be greater than 0, got 0"]);
  });
});
