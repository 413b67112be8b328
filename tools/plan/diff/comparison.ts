// A head plan against its base: what the program declares differently, what that does to the monthly cost (both
// priced anew from the same table and assumptions, never from numbers stored in the base), and the call-outs.
import { Assumptions } from "../cost/assumptions";
import { CostChange, diffCost } from "../cost/costDiff";
import { estimateCost } from "../cost/estimate";
import { priceTableFor } from "../cost/priceTable";
import { Snapshot } from "../model/snapshot";
import { StackModel } from "../model/stackModel";
import { Callout, callouts } from "./callouts";
import { diffSnapshots, PlanDiff } from "./diff";

export interface Comparison {
    diff: PlanDiff;
    /** How the output names the base: "main @ 1a2b3c4d", never a temporary file's path. */
    baseLabel: string;
    cost: CostChange;
    callouts: Callout[];
}

/** What the output calls a base that was given no label. */
export const unlabelledBase = "the base plan";

export function compare(base: Snapshot, head: StackModel, baseLabel: string, assumptions: Assumptions): Comparison {
    const headCost = estimateCost(head.snapshot, priceTableFor(head.snapshot.config["aws:region"]), assumptions);
    const baseCost = estimateCost(base, priceTableFor(base.config["aws:region"]), assumptions);
    return {
        diff: diffSnapshots(base, head.snapshot),
        baseLabel,
        cost: diffCost(baseCost, headCost),
        callouts: callouts(base, head, baseCost),
    };
}
