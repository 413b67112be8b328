// The repository's workflows pass every check: the linters and each delivery rule.
import assert from "node:assert/strict";
import { join } from "node:path";
import { describe, it } from "node:test";
import { load } from "js-yaml";
import { describeFindings } from "./check-workflows";
import { actionlint, shellcheckRunSteps, shellcheckScripts, yamllint } from "./linters";
import { checkPolicy, rules } from "./policy";
import { runStep } from "./run-step";
import { readWorkflows, repositoryRoot, workflowsDirectory } from "./workflow-files";

const workflows = readWorkflows(workflowsDirectory);

function assertClean(findings: Parameters<typeof describeFindings>[0]): void {
    assert.equal(findings.length, 0, `\n${describeFindings(findings)}`);
}

describe("the workflows", () => {
    it("are the pull-request, comment, deploy and shared test workflows", () => {
        assert.deepEqual(
            workflows.map((workflow) => workflow.file.slice(workflowsDirectory.length + 1)),
            ["deploy.yml", "plan-comment.yml", "pull-request.yml", "tests.yml"],
        );
    });

    it("pass yamllint", () => assertClean(yamllint(workflowsDirectory)));

    it("pass shellcheck, including the scripts they call", () =>
        assertClean([
            ...workflows.flatMap(shellcheckRunSteps),
            ...shellcheckScripts(join(repositoryRoot, ".github", "scripts")),
            ...shellcheckScripts(join(repositoryRoot, "tests", "workflows")),
        ]));

    for (const workflow of workflows) {
        const name = workflow.file.slice(workflowsDirectory.length + 1);
        it(`${name} passes actionlint`, async () => assertClean(await actionlint(workflow)));
        for (const rule of Object.keys(rules)) {
            it(`${name} keeps the rule ${rule}`, () =>
                assertClean(checkPolicy(workflow).filter((finding) => finding.check === rule)));
        }
    }
});

describe("the delivery pipeline", () => {
    const byName = new Map(workflows.map((workflow) => [workflow.file.slice(workflowsDirectory.length + 1), workflow]));
    const job = (file: string, id: string) => {
        const found = byName.get(file)?.jobs.find((candidate) => candidate.id === id);
        assert.ok(found, `${file} has no job ${id}`);
        return found;
    };

    it("tests every pull request with the repository's one test command", () => {
        assert.equal(job("pull-request.yml", "tests").calls, "./.github/workflows/tests.yml");
        assert.ok(job("tests.yml", "run-all").steps.some((step) => step.run === "bash tests/run-all.sh"));
    });

    it("deploys only after the same tests pass", () => {
        assert.deepEqual(job("deploy.yml", "deploy").definition.needs, ["select-stack", "tests"]);
    });

    it("deploys main to dev and release tags to prod", () => {
        const selection = job("deploy.yml", "select-stack").steps[0].run ?? "";
        assert.match(selection, /push:refs\/heads\/main\) stack=dev/);
        assert.match(selection, /push:refs\/tags\/v\*\) stack=prod/);
    });

    const stackConfigStep = () => {
        const step = job("deploy.yml", "deploy").steps.find(
            (candidate) => candidate.name === "Write the stack config for this commit",
        );
        assert.ok(step?.run, "deploy.yml has no step that writes the stack config");
        return step;
    };

    it("feeds the stack config from the commit and the bootstrap's boundary, nothing from an earlier run", () => {
        assert.deepEqual(stackConfigStep().env, {
            IMAGE_TAG: "${{ github.sha }}",
            PERMISSIONS_BOUNDARY_ARN: "${{ vars.WORKLOAD_PERMISSIONS_BOUNDARY_ARN }}",
        });
    });

    const commit = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
    const boundary = "arn:aws:iam::123456789012:policy/fargate-service/github-workload-boundary-1a2b3c4";

    it("passes the commit SHA and the workload boundary as stack config", () => {
        const { status, configMap } = runStep(stackConfigStep(), {
            IMAGE_TAG: commit,
            PERMISSIONS_BOUNDARY_ARN: boundary,
        });
        assert.equal(status, 0);
        assert.deepEqual(configMap, {
            "fargate-service:imageTag": { value: commit, secret: false },
            "fargate-service:permissionsBoundaryArn": { value: boundary, secret: false },
        });
    });

    it("stops before pulumi up when the workload boundary is not configured", () => {
        const { status, log, configMap } = runStep(stackConfigStep(), {
            IMAGE_TAG: commit,
            PERMISSIONS_BOUNDARY_ARN: "",
        });
        assert.equal(status, 1);
        assert.match(
            log,
            /::error title=WORKLOAD_PERMISSIONS_BOUNDARY_ARN is not set::.*workloadPermissionsBoundaryArn/,
        );
        assert.equal(configMap, undefined);
    });

    it("previews with the deploys' workload boundary, so the diff does not show it removed", () => {
        const preview = job("pull-request.yml", "cloud-preview").steps.find((step) => step.with.command === "preview");
        const configMap = load(String(preview?.with["config-map"])) as Record<string, { value: string }>;
        assert.equal(
            configMap["fargate-service:permissionsBoundaryArn"]?.value,
            "${{ vars.WORKLOAD_PERMISSIONS_BOUNDARY_ARN }}",
        );
    });
});
