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
