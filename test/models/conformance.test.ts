import { describeConformance } from "./conformance.js";
import {
  combinedConfigArb,
  effortConfigArb,
  outputConfigArb,
  perPlaceConfigArb,
  reimbursementConfigArb,
  taskConfigArb,
  trajectoryConfigArb,
} from "../support/modelArbitraries.js";

// Every funding model passes the same suite; a new model adds one line here.
describeConformance("effort (inspanningsgericht)", effortConfigArb(), { nonNegativeLines: true });
describeConformance("effort (inspanningsgericht) with a ceiling", effortConfigArb({ ceiling: "any" }), { nonNegativeLines: true });
describeConformance("output (outputgericht)", outputConfigArb(), { nonNegativeLines: true });
describeConformance("trajectory (trajectfinanciering)", trajectoryConfigArb());
describeConformance("task (taakgericht)", taskConfigArb());
describeConformance("per place (capaciteit, BooO)", perPlaceConfigArb(), { nonNegativeLines: true });
describeConformance("reimbursement (meerkosten)", reimbursementConfigArb());
describeConformance("combined (hybrid)", combinedConfigArb());

// The same suite on the caseload as providers deliver it under each core model's incentive (the
// literature's high responses: extra use, shorter and split trajectories, upcoding, cream
// skimming, a waiting list under a lump sum).
describeConformance("effort under behaviour responses", effortConfigArb(), { nonNegativeLines: true, behaviour: "literature-high" });
describeConformance("output under behaviour responses", outputConfigArb(), { nonNegativeLines: true, behaviour: "literature-high" });
describeConformance("trajectory under behaviour responses", trajectoryConfigArb(), { behaviour: "literature-high" });
describeConformance("task under behaviour responses", taskConfigArb(), { behaviour: "literature-high" });
