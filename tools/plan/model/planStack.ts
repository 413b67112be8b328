// Plans one stack: its configuration as the Pulumi CLI would pass it, the program run under the mock engine.
import * as path from "path";
import { loadStackConfig } from "../../mocks/stackConfig";
import { StackModel, referenceValues } from "./stackModel";
import { ImageTagChoice, toSnapshot } from "./snapshot";
import { findProjectRoot } from "../../../infra/registry/projectRoot";
import { startPack } from "../policy/packProcess";
import { judgeStack } from "../policy/judge";
import { Assumptions, defaultAssumptions } from "../cost/assumptions";
import { estimateCost } from "../cost/estimate";
import { priceTableFor } from "../cost/priceTable";

/**
 * The image tag when no stack file sets one. Deliberately not the commit SHA: a plan describes what the program
 * declares, so plans of two commits compare equal unless the program or the stack files differ, and a diff flags the
 * image only when its build settings change. A deploy still tags the image with its commit (GITHUB_SHA).
 */
const placeholderImageTag = "offline-plan";

/** The compiled program: build/infra beside build/tools. */
const programPath = path.resolve(__dirname, "../../../infra");
/** The policy pack of the repository the plan belongs to, which judges every stack it plans. */
const policyPackDir = path.join(findProjectRoot(__dirname), "policy");

export async function planStack(
    projectDir: string,
    stack: string,
    assumptions: Assumptions = defaultAssumptions,
): Promise<StackModel> {
    const stackConfig = loadStackConfig(projectDir, stack);
    // Before the program runs: a region without a price table is bad input like a bad stack file.
    const prices = priceTableFor(stackConfig.config["aws:region"]);
    const imageTagKey = `${stackConfig.project}:imageTag`;
    const configured = stackConfig.config[imageTagKey] ?? "";
    const imageTag: ImageTagChoice =
        configured === ""
            ? { value: placeholderImageTag, source: "placeholder" }
            : { value: configured, source: "configuration" };
    // The program takes the image's build context relative to the working directory, which the Pulumi CLI sets to
    // the project root; so does the plan, wherever it was started.
    process.chdir(projectDir);
    // Started before the program runs, so that the pack loads while the program does.
    const pack = startPack(policyPackDir);
    try {
        // Loaded only now, so that bad arguments and stack files are reported before Pulumi's runtime loads.
        const { runProgram } = await import("../../mocks/mockEngine");
        const run = await runProgram(programPath, {
            project: stackConfig.project,
            stack,
            config: { ...stackConfig.config, [imageTagKey]: imageTag.value },
            secretKeys: stackConfig.secretKeys,
        });
        const policy = await judgeStack(await pack.address, run);
        const snapshot = toSnapshot(run, stackConfig.config, imageTag);
        return new StackModel(
            { ...snapshot, cost: estimateCost(snapshot, prices, assumptions) },
            referenceValues(run),
            policy,
        );
    } finally {
        pack.stop();
    }
}
