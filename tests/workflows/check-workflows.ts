// Every check of a workflows directory in one call, so the tests can run the
// same checks on the real workflows and on deliberately broken copies.
import { actionlint, shellcheckRunSteps, yamllint } from "./linters";
import { checkPolicy } from "./policy";
import { type Finding, readWorkflows } from "./workflow-files";

export async function checkWorkflows(directory: string): Promise<Finding[]> {
    const workflows = readWorkflows(directory);
    const perWorkflow = await Promise.all(
        workflows.map(async (workflow) => [
            ...checkPolicy(workflow),
            ...(await actionlint(workflow)),
            ...shellcheckRunSteps(workflow),
        ]),
    );
    return [...yamllint(directory), ...perWorkflow.flat()];
}

export function describeFindings(findings: readonly Finding[]): string {
    return findings.map((finding) => `${finding.file}: [${finding.check}] ${finding.message}`).join("\n");
}
