// The review's call-outs: every change to what is public or to IAM, named, on hand-made snapshots.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { callouts } from "../../../tools/plan/diff/callouts";
import { StackModel } from "../../../tools/plan/model/stackModel";
import { defaultAssumptions } from "../../../tools/plan/cost/assumptions";
import { estimateCost } from "../../../tools/plan/cost/estimate";
import { priceTableFor } from "../../../tools/plan/cost/priceTable";
import { Snapshot, SnapshotResource } from "../../../tools/plan/model/snapshot";
import { referenceStack, resource, snapshotOf } from "./cost/referenceStack";

const group = resource("aws:ec2/securityGroup:SecurityGroup", "firewall-alb", { description: "ALB" });
const rule = (name: string, inputs: Record<string, unknown>) =>
    resource("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", name, { ipProtocol: "tcp", ...inputs }, [
        group,
    ]);
const https = rule("https-v4", { fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" });
const fromAlb = rule("from-alb", { fromPort: 8080, toPort: 8080, referencedSecurityGroupId: "sg-1" });
const trust = JSON.stringify({
    Version: "2012-10-17",
    Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ecs-tasks.amazonaws.com" } }],
});
const role = (name: string, assumeRolePolicy = trust) => resource("aws:iam/role:Role", name, { assumeRolePolicy });
const policy = (actions: string[], on: SnapshotResource) =>
    resource(
        "aws:iam/rolePolicy:RolePolicy",
        "task-policy",
        {
            role: "task",
            policy: JSON.stringify({
                Statement: actions.map((Action) => ({ Effect: "Allow", Action, Resource: "*" })),
            }),
        },
        [on],
    );

const texts = (base: Snapshot, head: Snapshot) =>
    callouts(base, new StackModel(head, new Map())).map((callout) => `${callout.kind}: ${callout.text}`);

describe("the call-outs of a review", () => {
    it("name ingress from anywhere that is added or removed, and nothing for other rules", () => {
        const before = snapshotOf([group, fromAlb]);
        const after = snapshotOf([group, fromAlb, https]);
        assert.deepEqual(texts(before, after), [
            "public: new ingress from anywhere: tcp 443 from 0.0.0.0/0 into firewall-alb",
        ]);
        assert.deepEqual(texts(after, before), [
            "public: removed ingress from anywhere: tcp 443 from 0.0.0.0/0 into firewall-alb",
        ]);
        assert.deepEqual(texts(before, snapshotOf([group])), []);
    });

    it("name tasks and load balancers that gain or lose public addresses, and the count of public IPv4 addresses", () => {
        const base = referenceStack();
        const head = referenceStack({ publicIp: true });
        const table = priceTableFor("us-east-1");
        const headModel = new StackModel({ ...head, cost: estimateCost(head, table, defaultAssumptions) }, new Map());
        assert.deepEqual(
            callouts(base, headModel, estimateCost(base, table, defaultAssumptions)).map((c) => c.text),
            ["api: its tasks get public IP addresses", "public IPv4 addresses (at most): 3 → 7"],
        );
        const internal = snapshotOf([resource("aws:lb/loadBalancer:LoadBalancer", "web", { internal: true })]);
        const facing = snapshotOf([resource("aws:lb/loadBalancer:LoadBalancer", "web", { internal: false })]);
        assert.deepEqual(texts(internal, facing), ["public: web: an internet-facing load balancer"]);
        assert.deepEqual(texts(facing, internal), ["public: web: no longer an internet-facing load balancer"]);
    });

    it("name new roles, changed trust, and each IAM statement added or removed", () => {
        const task = role("task");
        const before = snapshotOf([task, policy(["s3:GetObject"], task)]);
        const after = snapshotOf([
            task,
            policy(["s3:GetObject", "s3:PutObject"], task),
            role("deployer", trust.replace("ecs-tasks.amazonaws.com", "codebuild.amazonaws.com")),
        ]);
        assert.deepEqual(texts(before, after), [
            "iam: new IAM role: deployer",
            "iam: new IAM trust: deployer: Allow sts:AssumeRole by Service codebuild.amazonaws.com",
            "iam: new IAM statement: Allow s3:PutObject on * on role task (policy task-policy)",
        ]);
    });

    it("say nothing when public exposure and IAM are unchanged", () => {
        assert.deepEqual(texts(referenceStack(), referenceStack({ maxCount: 9, architecture: "X86_64" })), []);
    });
});
