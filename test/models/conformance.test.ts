import { describeConformance } from "./conformance.js";
import { effortConfigArb, outputConfigArb, taskConfigArb, trajectoryConfigArb } from "../support/modelArbitraries.js";

// Every funding model passes the same suite; a new model adds one line here.
describeConformance("effort (inspanningsgericht)", effortConfigArb(), { nonNegativeLines: true });
describeConformance("effort (inspanningsgericht) with a ceiling", effortConfigArb({ ceiling: "any" }), { nonNegativeLines: true });
describeConformance("output (outputgericht)", outputConfigArb(), { nonNegativeLines: true });
describeConformance("trajectory (trajectfinanciering)", trajectoryConfigArb());
describeConformance("task (taakgericht)", taskConfigArb());
