// Components run under the mock engine and checked as AWS would meet them: the names a component derives from its
// own name reach AWS's limits, which no mock refuses.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { LoadBalancer, LoadBalancerArgs } from "../../../infra/loadBalancer/loadBalancer";
import { AwsApiReport, checkAwsApi } from "../../../tools/checks/awsApi/checkStack";
import type { RecordedResource } from "../../../tools/mocks/mockEngine";
import type { Snapshot } from "../../../tools/plan/model/snapshot";
import { resourceTypes as t } from "../../../tools/resourceTypes";
import { declaredBy } from "../../infra/components/unitEngine";
import { requireModels } from "./awsModels";

const models = requireModels();

const baseArgs: LoadBalancerArgs = {
    vpcId: "vpc-0123456789abcdef0",
    subnetIds: ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"],
    securityGroupId: "sg-0cccccccccccccccc",
    containerPort: 8080,
    healthCheckPath: "/health",
    deregistrationDelaySeconds: 30,
    deletionProtection: false,
    https: undefined,
    deploymentStrategy: "rolling",
};

/** The component's resources as a plan snapshot, checked. */
async function checked(component: LoadBalancer): Promise<AwsApiReport> {
    const resources = (await declaredBy(component)).resources.map((resource: RecordedResource) => ({
        ...resource,
        parent: resource.parent ?? null,
    }));
    const snapshot = { project: "fargate-service", stack: "unit", resources } as unknown as Snapshot;
    return checkAwsApi(snapshot, models);
}

describe("LoadBalancer, as AWS meets it", () => {
    it("a component name of 21 characters gives a load balancer name AWS refuses (33 characters), not yet a target group name", async () => {
        const report = await checked(new LoadBalancer("public-web-entrypoint", baseArgs));
        assert.deepEqual(
            report.refusals.map((refusal) => [refusal.type, refusal.resource, refusal.rule]),
            [[t.loadBalancer, "public-web-entrypoint-alb", "at most 32 characters"]],
        );
    });

    it("with HTTPS, its listeners, redirect and TLS policy are all sent as the API has them", async () => {
        const https = {
            certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/01234567-89ab-cdef-0123-456789abcdef",
        };
        const report = await checked(new LoadBalancer("tls", { ...baseArgs, https }));
        assert.deepEqual([report.refusals, report.notChecked], [[], []]);
        assert.equal(report.resourcesChecked, 4); // the load balancer, its target group, two listeners
    });
});
