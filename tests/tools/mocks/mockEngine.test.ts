// The mock engine the tests and the offline plan share: what it records, what it refuses, and that it repeats itself.
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { before, describe, it } from "node:test";
import { promisify } from "node:util";
import { ProgramRun, RecordedResource, runProgram, secretPlaceholder } from "../../../tools/mocks/mockEngine";
import { programPath } from "../../infra/stackRun";

const fixtures = path.join(__dirname, "fixtures");
const run = promisify(execFile);

/** Runs a program in a fresh node process (Pulumi's runtime holds one stack per process). */
async function runIsolated(
    program: string,
    stack?: string,
): Promise<{ run?: ProgramRun; error?: { name: string; message: string } }> {
    const args = [path.join(fixtures, "runFixture.js"), program, ...(stack === undefined ? [] : [stack])];
    const { stdout } = await run(process.execPath, args, { timeout: 60_000, maxBuffer: 16 * 1024 * 1024 });
    return JSON.parse(stdout.trim().split("\n").pop() ?? "{}") as { run?: ProgramRun };
}

describe("recording", () => {
    let recorded: ProgramRun;
    const find = (name: string): RecordedResource => {
        const resource = recorded.resources.find((candidate) => candidate.name === name);
        assert.ok(resource, `${name} was recorded`);
        return resource;
    };

    before(async () => {
        recorded = await runProgram(path.join(fixtures, "recordedProgram"), {
            project: "fixture",
            stack: "test",
            config: { "aws:region": "eu-west-1", "aws:defaultTags": JSON.stringify({ tags: { team: "web" } }) },
        });
    });

    it("records every resource with its type token, logical name and parent", () => {
        const byName = Object.fromEntries(recorded.resources.map((resource) => [resource.name, resource]));
        assert.deepEqual(recorded.resources.map((resource) => `${resource.type} ${resource.name}`).sort(), [
            "aws:ecr/lifecyclePolicy:LifecyclePolicy storage-lifecycle",
            "aws:ecr/repository:Repository storage-repo",
            "fixture:test:Storage storage",
            "pulumi:pulumi:Stack fixture-test",
        ]);
        assert.equal(byName["fixture-test"].parent, undefined);
        assert.equal(byName.storage.parent, byName["fixture-test"].urn);
        assert.equal(byName["storage-repo"].parent, byName.storage.urn);
        assert.equal(byName.storage.custom, false);
    });

    it("records inputs with secrets replaced, and resource options", () => {
        assert.deepEqual(find("storage-repo").inputs.tags, secretPlaceholder);
        assert.equal(find("storage-repo").inputs.imageTagMutability, "IMMUTABLE");
        assert.equal(find("storage-lifecycle").protect, true);
        assert.deepEqual(find("storage-lifecycle").dependencies, [find("storage-repo").urn]);
    });

    it("answers with realistic outputs: ARNs, URLs, the region and the default tags", () => {
        const repository = find("storage-repo");
        assert.match(String(repository.id), /^storage-repo-[0-9a-f]{7}$/);
        assert.equal(repository.outputs.arn, `arn:aws:ecr:eu-west-1:123456789012:repository/${repository.id}`);
        assert.equal(repository.outputs.repositoryUrl, `123456789012.dkr.ecr.eu-west-1.amazonaws.com/${repository.id}`);
        assert.equal(repository.outputs.region, "eu-west-1");
        assert.deepEqual(find("storage").outputs, { repositoryUrl: repository.outputs.repositoryUrl });
    });

    it("records provider calls and the stack outputs, secrets replaced", () => {
        assert.deepEqual(
            recorded.invokes.map((invoke) => [invoke.token, invoke.args]),
            [["aws:index/getAvailabilityZones:getAvailabilityZones", { state: "available" }]],
        );
        assert.deepEqual(recorded.outputs, {
            apiKey: secretPlaceholder,
            repositoryUrl: find("storage-repo").outputs.repositoryUrl,
            zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c", "eu-west-1d", "eu-west-1e", "eu-west-1f"],
        });
    });

    it("runs one program per process", async () => {
        await assert.rejects(
            runProgram(path.join(fixtures, "recordedProgram"), { project: "fixture", stack: "again" }),
            /has run in this process already/,
        );
    });
});

describe("unexpected provider calls", () => {
    it("fails the run on a resource type it has no model for, naming the token", async () => {
        const outcome = await runIsolated(path.join(fixtures, "unknownResource"));
        assert.equal(outcome.error?.name, "UnexpectedProviderCall");
        assert.match(outcome.error?.message ?? "", /^unexpected resource type aws:sqs\/queue:Queue \("jobs"\)/);
    });

    it("fails the run on a data source it has no model for, naming the token", async () => {
        const outcome = await runIsolated(path.join(fixtures, "unknownInvoke"));
        assert.equal(outcome.error?.name, "UnexpectedProviderCall");
        assert.match(outcome.error?.message ?? "", /^unexpected provider call aws:ec2\/getAmi:getAmi/);
    });

    it("fails the run on a multi-language component it has no model for, whose insides it cannot see", async () => {
        const outcome = await runIsolated(path.join(fixtures, "remoteComponent"));
        assert.equal(outcome.error?.name, "UnexpectedProviderCall");
        assert.match(outcome.error?.message ?? "", /^unexpected component eks:index:Cluster \("cluster"\)/);
    });
});

describe("a modelled multi-language component: awsx.ec2.Vpc", () => {
    let outcome: { run?: ProgramRun; error?: { name: string; message: string } };
    const find = (name: string): RecordedResource => {
        const resource = outcome.run?.resources.find((candidate) => candidate.name === name);
        assert.ok(resource, `${name} was recorded (${JSON.stringify(outcome.error)})`);
        return resource;
    };

    before(async () => {
        outcome = await runIsolated(path.join(fixtures, "awsxVpc"));
    });

    it("records the component once, as a component, with the arguments the program gave it", () => {
        const vpc = find("vpc");
        assert.deepEqual([vpc.type, vpc.custom], ["awsx:ec2:Vpc", false]);
        assert.deepEqual(vpc.inputs.natGateways, { strategy: "Single" });
        assert.deepEqual(vpc.inputs.subnetSpecs, [
            { type: "Private", cidrMask: 19 },
            { type: "Public", cidrMask: 20 },
        ]);
        assert.equal(outcome.run?.resources.filter((resource) => resource.parent === vpc.urn).length, 0);
    });

    it("answers with a VPC ID and one subnet of each spec per zone", () => {
        const outputs = find("vpc").outputs;
        assert.match(String(outputs.vpcId), /^vpc-[0-9a-f]{17}$/);
        for (const key of ["publicSubnetIds", "privateSubnetIds"]) {
            const ids = outputs[key] as string[];
            assert.equal(ids.length, 3, key);
            assert.ok(ids.every((id) => /^subnet-[0-9a-f]{17}$/.test(id)));
        }
        assert.deepEqual(outcome.run?.outputs.privateSubnetIds, outputs.privateSubnetIds);
    });

    it("records a dependency on the component itself where a resource takes one of its outputs", () => {
        const group = find("group");
        assert.equal(group.inputs.vpcId, find("vpc").outputs.vpcId);
        assert.deepEqual(group.dependencies, [find("vpc").urn]);
    });

    it("refuses what awsx refuses, in awsx's words: NAT gateways without a public subnet to hold them", async () => {
        const refused = await runIsolated(path.join(fixtures, "awsxRefusal"));
        assert.match(refused.error?.message ?? "", /public subnets must be declared to host the NAT Gateway resource/);
    });
});

describe("determinism", () => {
    it("records the same graph, inputs and outputs on every run of the same stack", async () => {
        const [first, second] = await Promise.all([runIsolated(programPath, "prod"), runIsolated(programPath, "prod")]);
        assert.ok(first.run, JSON.stringify(first.error));
        assert.ok(first.run.resources.length > 30);
        const canonical = (programRun: ProgramRun) =>
            JSON.stringify({
                resources: [...programRun.resources].sort((a, b) => a.urn.localeCompare(b.urn)),
                outputs: programRun.outputs,
            });
        assert.equal(canonical(second.run as ProgramRun), canonical(first.run));
    });

    it("gives each stack its own IDs and names", async () => {
        const [dev, prod] = await Promise.all([runIsolated(programPath, "dev"), runIsolated(programPath, "prod")]);
        assert.notEqual(dev.run?.outputs.clusterName, prod.run?.outputs.clusterName);
        assert.match(String(dev.run?.outputs.clusterName), /^app-cluster-[0-9a-f]{7}$/);
    });
});
