// The repository's workflows pass every check: the linters and each delivery rule.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { load } from "js-yaml";
import { describeFindings } from "./check-workflows";
import { actionlint, shellcheckRunSteps, shellcheckScripts, yamllint } from "./linters";
import { checkPolicy, rules } from "./policy";
import { runStep } from "./run-step";
import { readWorkflows, repositoryRoot, type Step, workflowsDirectory } from "./workflow-files";

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
            STACK: "dev",
            IMAGE_TAG: commit,
            PERMISSIONS_BOUNDARY_ARN: "",
        });
        assert.equal(status, 1);
        assert.match(
            log,
            /::error title=WORKLOAD_PERMISSIONS_BOUNDARY_ARN is not set::.*environments\.dev\.workloadBoundaryArn/,
        );
        assert.equal(configMap, undefined);
    });

    it("previews each stack with its own environment's workload boundary, so the diff does not show it removed", () => {
        const previewJob = job("pull-request.yml", "cloud-preview");
        const preview = previewJob.steps.find((step) => step.with.command === "preview");
        const configMap = load(String(preview?.with["config-map"])) as Record<string, { value: string }>;
        assert.equal(configMap["fargate-service:permissionsBoundaryArn"]?.value, "${{ matrix.boundary }}");
        const include = (previewJob.definition.strategy as { matrix: { include: Record<string, string>[] } }).matrix
            .include;
        assert.deepEqual(
            include.map((entry) => [entry.stack, entry.boundary]),
            [
                ["dev", "${{ vars.WORKLOAD_PERMISSIONS_BOUNDARY_ARN_DEV }}"],
                ["prod", "${{ vars.WORKLOAD_PERMISSIONS_BOUNDARY_ARN_PROD }}"],
            ],
        );
    });

    const checkStackStep = () => {
        const step = job("deploy.yml", "deploy").steps.find((candidate) => candidate.name === "Check the stack exists");
        assert.ok(step?.run, "deploy.yml has no step that checks the stack exists");
        return step;
    };

    it("checks the stack exists before pulumi up, and says how to create it when it does not", () => {
        const absent = runCheck(checkStackStep(), { backend: "", stackFile: "config: {}\n", stacks: [] });
        assert.equal(absent.status, 1);
        assert.match(
            absent.log,
            /::error title=No stack dev to deploy::error: no stack named 'dev' found; a new stack is created once with bootstrap\/init-stacks\.sh dev/,
        );
        const present = runCheck(checkStackStep(), { backend: "", stackFile: "config: {}\n", stacks: ["dev"] });
        assert.equal(present.status, 0, present.log);
        assert.deepEqual(present.calls, ["login --non-interactive", "stack select --non-interactive dev"]);
    });

    it("stops a self-managed backend's passphrase stack whose file lost its encryptionsalt", () => {
        const saltless = runCheck(checkStackStep(), {
            backend: "s3://acme-state",
            stackFile: "config: {}\n",
            stacks: ["dev"],
        });
        assert.equal(saltless.status, 1);
        assert.match(
            saltless.log,
            /::error title=Pulumi\.dev\.yaml has no encryptionsalt::.*bootstrap\/init-stacks\.sh dev/,
        );
        assert.deepEqual(saltless.calls, []);
        const salted = runCheck(checkStackStep(), {
            backend: "s3://acme-state",
            stackFile: "encryptionsalt: v1:abc:def\nconfig: {}\n",
            stacks: ["dev"],
        });
        assert.equal(salted.status, 0, salted.log);
        assert.deepEqual(salted.calls, [
            "login --non-interactive s3://acme-state",
            "stack select --non-interactive dev",
        ]);
    });
});

/**
 * Runs the stack check in a directory holding `Pulumi.dev.yaml`, with a stand-in `pulumi` on PATH that records
 * its arguments and answers `stack select` as the CLI does: "error: no stack named 'NAME' found", status 255.
 */
function runCheck(step: Step, setup: { backend: string; stackFile: string; stacks: string[] }) {
    const directory = mkdtempSync(join(tmpdir(), "check-stack-"));
    try {
        writeFileSync(join(directory, "Pulumi.dev.yaml"), setup.stackFile);
        const bin = join(directory, "bin");
        mkdirSync(bin);
        const calls = join(directory, "calls");
        writeFileSync(
            join(bin, "pulumi"),
            [
                "#!/usr/bin/env bash",
                `echo "$*" >> ${JSON.stringify(calls)}`,
                'if [[ "$1 $2" == "stack select" ]]; then',
                `  case " ${setup.stacks.join(" ")} " in *" \${@: -1} "*) exit 0 ;; esac`,
                "  echo \"error: no stack named '${@: -1}' found\" >&2",
                "  exit 255",
                "fi",
            ].join("\n"),
            { mode: 0o755 },
        );
        const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run ?? ""], {
            cwd: directory,
            encoding: "utf8",
            env: { PATH: `${bin}:${process.env.PATH ?? ""}`, STACK: "dev", PULUMI_BACKEND_URL: setup.backend },
        });
        const recorded = existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n").filter(Boolean) : [];
        return { status: result.status, log: result.stdout + result.stderr, calls: recorded };
    } finally {
        rmSync(directory, { recursive: true, force: true });
    }
}

describe("proving what a deploy shipped", () => {
    const deploy = () => {
        const found = workflows
            .find((workflow) => workflow.file.endsWith("deploy.yml"))
            ?.jobs.find((j) => j.id === "deploy");
        assert.ok(found, "deploy.yml has no deploy job");
        return found;
    };

    it("runs the deploy check after pulumi up, on that update's outputs and the commit", () => {
        const steps = deploy().steps;
        const up = steps.findIndex((step) => step.with.command === "up");
        const check = steps.findIndex((step) => step.name === "Prove the deploy shipped this commit");
        assert.ok(up >= 0 && check > up, "the deploy check comes after pulumi up");
        assert.deepEqual(steps[check].env, {
            CLUSTER: "${{ steps.up.outputs.clusterName }}",
            SERVICE: "${{ steps.up.outputs.serviceName }}",
            TASK_DEFINITION: "${{ steps.up.outputs.taskDefinitionArn }}",
            URL: "${{ steps.up.outputs.url }}",
            VERSION: "${{ github.sha }}",
        });
    });

    it("hands the check every value as its own argument, however the values read", () => {
        const step = deploy().steps.find((candidate) => candidate.name === "Prove the deploy shipped this commit");
        assert.ok(step?.run);
        const directory = mkdtempSync(join(tmpdir(), "deploy-check-step-"));
        try {
            // An `npm` that prints each argument on its own line.
            writeFileSync(join(directory, "npm"), '#!/bin/sh\nprintf "%s\\n" "$@"\n', { mode: 0o755 });
            const result = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.run], {
                encoding: "utf8",
                env: {
                    PATH: `${directory}:${process.env.PATH ?? ""}`,
                    CLUSTER: "app-cluster-1a2b3c4",
                    SERVICE: "app-service-5d6e7f8",
                    TASK_DEFINITION: "arn:aws:ecs:us-east-1:123456789012:task-definition/fargate-service-prod:7",
                    URL: "http://web alb.example",
                    VERSION: "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a",
                },
            });
            assert.equal(result.status, 0, result.stderr);
            assert.deepEqual(result.stdout.trimEnd().split("\n"), [
                "run",
                "--silent",
                "deploy-check",
                "--",
                "--cluster",
                "app-cluster-1a2b3c4",
                "--service",
                "app-service-5d6e7f8",
                "--task-definition",
                "arn:aws:ecs:us-east-1:123456789012:task-definition/fargate-service-prod:7",
                "--url",
                "http://web alb.example",
                "--version",
                "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a",
            ]);
        } finally {
            rmSync(directory, { recursive: true, force: true });
        }
    });
});
