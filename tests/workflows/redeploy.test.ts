// Deploying a commit again changes nothing about its image (issue 11 finding 3). Runs of deploy.yml for one commit
// differ in their run, attempt, event and ref, and in what earlier deploys left behind; the stack config the deploy
// job writes must not: the plan of every such run compares equal (`--diff` exits 0) with the plan of the first.
// Otherwise `pulumi up` sees the image change, rebuilds it and pushes its immutable tag again, which ECR refuses.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { load } from "js-yaml";
import { runPlan, Scratch } from "../tools/plan/planCli";
import { runStep } from "./run-step";
import { type Step, repositoryRoot, workflowsDirectory } from "./workflow-files";

interface RawStep {
    id?: string;
    name?: string;
    uses?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
    run?: string;
}

const deployJob = (
    load(readFileSync(join(workflowsDirectory, "deploy.yml"), "utf8")) as { jobs: { deploy: { steps: RawStep[] } } }
).jobs.deploy;
const configStep = deployJob.steps.find((step) => step.name === "Write the stack config for this commit");

/** One run of the deploy job: the GitHub context, and the stack outputs the stack's last deploy left. */
interface Run {
    what: string;
    stack: "dev" | "prod";
    github: Record<string, string>;
    lastDeployOutputs: Record<string, string>;
}

const commit = "3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a";
const vars: Record<string, string> = {
    AWS_REGION: "us-east-1",
    WORKLOAD_PERMISSIONS_BOUNDARY_ARN: "arn:aws:iam::123456789012:policy/fargate-service/github-workload-boundary",
};

/** What a stack's outputs say after a deploy of `deployed` (the stack outputs a later run may read). */
function outputsAfter(stack: string, deployed: string): Record<string, string> {
    const digest = deployed.repeat(64 / deployed.length + 1).slice(0, 64);
    return {
        image: `123456789012.dkr.ecr.us-east-1.amazonaws.com/fargate-service-${stack}@sha256:${digest}`,
        url: `http://web-${stack}.us-east-1.elb.amazonaws.com`,
    };
}

function github(run: number, attempt: number, event: string, ref: string): Record<string, string> {
    const refName = ref.replace(/^refs\/(heads|tags)\//, "");
    return {
        sha: commit,
        run_id: String(1000 + run),
        run_attempt: String(attempt),
        event_name: event,
        ref,
        ref_name: refName,
    };
}

const runsByStack: Record<"dev" | "prod", Run[]> = {
    dev: [
        {
            what: "dev, first deploy of the commit",
            stack: "dev",
            github: github(1, 1, "push", "refs/heads/main"),
            lastDeployOutputs: outputsAfter("dev", "0a"),
        },
        {
            what: "dev, the same job re-run",
            stack: "dev",
            github: github(1, 2, "push", "refs/heads/main"),
            lastDeployOutputs: outputsAfter("dev", "3f"),
        },
    ],
    prod: [
        {
            what: "prod dispatched from main for the commit dev shipped",
            stack: "prod",
            github: github(2, 1, "workflow_dispatch", "refs/heads/main"),
            lastDeployOutputs: outputsAfter("prod", "0a"),
        },
        {
            what: "prod again when the commit is tagged later",
            stack: "prod",
            github: github(3, 1, "push", "refs/tags/v1.0.0"),
            lastDeployOutputs: outputsAfter("prod", "3f"),
        },
        {
            what: "prod, the tag's job re-run",
            stack: "prod",
            github: github(3, 2, "push", "refs/tags/v1.0.0"),
            lastDeployOutputs: outputsAfter("prod", "3f"),
        },
    ],
};

/** The value of one `${{ expression }}` of the config step in `run`; anything it cannot know on a re-run throws. */
function evaluate(expression: string, run: Run): string {
    const [context, ...path] = expression.trim().split(".");
    const lookups: Record<string, () => string | undefined> = {
        github: () => run.github[path[0]],
        vars: () => vars[path[0]],
        needs: () => (path[0] === "select-stack" && path[2] === "stack" ? run.stack : undefined),
        steps: () => stepOutput(path[0], path[2], run),
    };
    const value = lookups[context]?.();
    if (value === undefined) {
        throw new Error(
            `the test does not know what \${{ ${expression} }} holds in a run; teach it, or drop the expression`,
        );
    }
    return value;
}

/** A step output the config step reads: a `pulumi/actions` `output` step reads the outputs of the last deploy. */
function stepOutput(id: string, output: string, run: Run): string | undefined {
    const step = deployJob.steps.find((candidate) => candidate.id === id);
    if (step?.uses?.startsWith("pulumi/actions@") === true && step.with?.command === "output") {
        return run.lastDeployOutputs[output] ?? "";
    }
    return undefined;
}

/** The config-map the config step writes in `run`, as `key: value` lines of a stack file. */
function stackConfigLines(run: Run): string[] {
    assert.ok(configStep?.run, "deploy.yml has no step that writes the stack config");
    const env = Object.fromEntries(
        Object.entries(configStep.env ?? {}).map(([name, value]) => [
            name,
            String(value).replace(/\$\{\{(.*?)\}\}/g, (_match, expression: string) => evaluate(expression, run)),
        ]),
    );
    const { status, log, configMap } = runStep(configStep as Step, env);
    assert.equal(status, 0, log);
    return Object.entries((configMap ?? {}) as Record<string, { value: string }>).map(
        ([key, { value }]) => `  ${key}: ${JSON.stringify(value)}`,
    );
}

const scratch = new Scratch();
after(() => scratch.cleanUp());

describe("deploying a commit again", () => {
    for (const [stack, runs] of Object.entries(runsByStack)) {
        it(`plans the ${stack} stack identically in every run for the same commit, so the image is not pushed again`, () => {
            const stackFile = readFileSync(join(repositoryRoot, `Pulumi.${stack}.yaml`), "utf8").trimEnd();
            const firstPlan = scratch.file(`${stack}-first.json`);
            runs.forEach((run, i) => {
                const project = scratch.project(`${stack}-run-${i}`, {
                    files: { [`Pulumi.${stack}.yaml`]: [stackFile, ...stackConfigLines(run), ""].join("\n") },
                });
                const result =
                    i === 0
                        ? runPlan([stack, "--json", firstPlan], project)
                        : runPlan([stack, "--diff", firstPlan], project);
                assert.equal(
                    result.status,
                    0,
                    `${run.what}: the plan differs from that of ${runs[0].what}\n${result.stdout}${result.stderr}`,
                );
            });
        });
    }
});
