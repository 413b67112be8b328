// The diff on small hand-made snapshots: what counts as a change, and which changes are flagged as replacements,
// new deployments or new images.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { diffSnapshots } from "../../../tools/plan/diff/diff";
import { Snapshot, SnapshotResource } from "../../../tools/plan/model/snapshot";

const urn = (type: string, name: string) => `urn:pulumi:dev::fargate-service::${type}::${name}`;
const types = {
    loadBalancer: "aws:lb/loadBalancer:LoadBalancer",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    service: "aws:ecs/service:Service",
    unknown: "aws:sqs/queue:Queue",
};

function resource(
    type: string,
    name: string,
    inputs: Record<string, unknown>,
    extra: Partial<SnapshotResource> = {},
): SnapshotResource {
    return {
        urn: urn(type, name),
        type,
        name,
        parent: null,
        custom: true,
        inputs,
        dependencies: [],
        protect: false,
        ignoreChanges: [],
        ...extra,
    };
}

function snapshot(resources: SnapshotResource[], extra: Partial<Snapshot> = {}): Snapshot {
    return {
        plan: "",
        project: "fargate-service",
        stack: "dev",
        imageTag: { value: "offline-plan", source: "placeholder" },
        config: {},
        resources,
        reads: [],
        outputs: {},
        ...extra,
    };
}

const alb = (inputs: Record<string, unknown>) =>
    resource(types.loadBalancer, "web-alb", { internal: false, enableDeletionProtection: false, ...inputs });

describe("the diff of two snapshots", () => {
    it("finds nothing when they are equal, whatever the order of keys", () => {
        const diff = diffSnapshots(
            snapshot([alb({})], { outputs: { url: "http://a", image: "x" } }),
            snapshot([alb({})], { outputs: { image: "x", url: "http://a" } }),
        );
        assert.equal(diff.changed, false);
        assert.deepEqual([diff.config, diff.resources, diff.outputs, diff.knockOn], [[], [], [], []]);
    });

    it("replaces a load balancer whose scheme changes, and updates one whose deletion protection does", () => {
        const scheme = diffSnapshots(snapshot([alb({})]), snapshot([alb({ internal: true })]));
        assert.deepEqual(
            scheme.resources.map((change) => [
                change.action,
                change.properties.map((p) => [p.path, p.forcesReplacement]),
            ]),
            [["replace", [["internal", true]]]],
        );
        const protection = diffSnapshots(snapshot([alb({})]), snapshot([alb({ enableDeletionProtection: true })]));
        assert.equal(protection.resources[0].action, "update");
    });

    it("shows a type outside the replacement table only as an update", () => {
        const before = resource(types.unknown, "alerts", { name: "a" });
        const diff = diffSnapshots(snapshot([before]), snapshot([{ ...before, inputs: { name: "b" } }]));
        assert.equal(diff.resources[0].action, "update");
    });

    it("reads into JSON held in strings, down to the changed action of a policy", () => {
        const policy = (action: string) =>
            resource(types.rolePolicy, "exec", {
                policy: JSON.stringify({ Statement: [{ Effect: "Allow", Action: [action], Resource: "*" }] }),
            });
        const diff = diffSnapshots(snapshot([policy("logs:PutLogEvents")]), snapshot([policy("logs:*")]));
        assert.deepEqual(
            diff.resources[0].properties.map((p) => [p.path, p.before, p.after]),
            [["policy.Statement[0].Action[0]", "logs:PutLogEvents", "logs:*"]],
        );
    });

    it("sees a renamed resource as one deleted and one created, as Pulumi does without an alias", () => {
        const diff = diffSnapshots(
            snapshot([alb({})]),
            snapshot([{ ...alb({}), name: "edge-alb", urn: urn(types.loadBalancer, "edge-alb") }]),
        );
        assert.deepEqual(
            diff.resources.map((change) => [change.action, change.name]),
            [
                ["create", "edge-alb"],
                ["delete", "web-alb"],
            ],
        );
    });

    it("rolls out a service whose task definition is created or replaced, though its own inputs are unchanged", () => {
        const task = (cpu: string) => resource(types.taskDefinition, "task", { cpu });
        const service = resource(
            types.service,
            "svc",
            { desiredCount: 1 },
            { dependencies: [urn(types.taskDefinition, "task")] },
        );
        const replaced = diffSnapshots(snapshot([task("256"), service]), snapshot([task("512"), service]));
        assert.deepEqual(
            replaced.resources.find((c) => c.name === "svc")?.newDeployment,
            "its task definition `task` is replaced",
        );
        const created = diffSnapshots(snapshot([service]), snapshot([task("256"), service]));
        assert.deepEqual(
            created.resources.find((c) => c.name === "svc")?.newDeployment,
            "its task definition `task` is created",
        );
    });

    it("does not roll out a service for a change of its desired count", () => {
        const service = (desiredCount: number) => resource(types.service, "svc", { desiredCount });
        const diff = diffSnapshots(snapshot([service(1)]), snapshot([service(2)]));
        assert.deepEqual([diff.resources[0].action, diff.resources[0].newDeployment], ["update", undefined]);
    });

    it("counts a change of the program's options, configuration, data sources or outputs as a change", () => {
        const protectedAlb = { ...alb({}), protect: true };
        assert.deepEqual(
            diffSnapshots(snapshot([alb({})]), snapshot([protectedAlb])).resources[0].properties.map((p) => p.path),
            ["(option) protect"],
        );
        assert.equal(
            diffSnapshots(
                snapshot([], { config: { "aws:region": "us-east-1" } }),
                snapshot([], { config: { "aws:region": "eu-west-1" } }),
            ).changed,
            true,
        );
        const read = { token: "aws:ec2/getVpc:getVpc", args: { default: true } };
        assert.deepEqual(diffSnapshots(snapshot([]), snapshot([], { reads: [read] })).reads, {
            added: ['aws:ec2/getVpc:getVpc {"default":true}'],
            removed: [],
        });
        assert.deepEqual(
            diffSnapshots(snapshot([], { outputs: { url: "http://a" } }), snapshot([], { outputs: {} })).outputs,
            [{ key: "url", before: "http://a", after: undefined }],
        );
    });
});
