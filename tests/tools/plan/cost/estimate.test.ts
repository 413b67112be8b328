// The estimate of the reference stack to the cent, from the price table and the default assumptions, and what each
// lever changes. Expected figures are worked by hand (quantity x unit price, rounded half up to the cent), not
// taken from the code.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { defaultAssumptions, parseAssumptions } from "../../../../tools/plan/cost/assumptions";
import { CostEstimate, estimateCost } from "../../../../tools/plan/cost/estimate";
import { priceTableFor } from "../../../../tools/plan/cost/priceTable";
import { Snapshot } from "../../../../tools/plan/model/snapshot";
import { referenceStack, resource } from "./referenceStack";

const table = priceTableFor("us-east-1");
const estimate = (snapshot: Snapshot, assumptions = defaultAssumptions) => estimateCost(snapshot, table, assumptions);

/** Each line's monthly figure by key, low and high. */
function monthly(result: CostEstimate): Record<string, [number, number] | null> {
    return Object.fromEntries(
        result.lines.map((line) => [line.key, line.monthly === null ? null : [line.monthly.low, line.monthly.high]]),
    );
}

/** How much the total moves, at the fewest and at the most tasks, from the reference stack to `changed`. */
function lever(changed: Snapshot, base = referenceStack()): [number, number] {
    const [a, b] = [estimate(base).total, estimate(changed).total];
    return [Math.round((b.low - a.low) * 100) / 100, Math.round((b.high - a.high) * 100) / 100];
}

describe("the cost estimate of the reference stack", () => {
    it("prices every billing item to the cent from the us-east-1 table", () => {
        assert.deepEqual(monthly(estimate(referenceStack())), {
            // 0.5 vCPU x 730 h x 2 (4) tasks = 730 (1,460) vCPU-hours x $0.03238 (ARM)
            "fargate-vcpu:api": [23.64, 47.27],
            // 1 GB x 730 h x 2 (4) tasks = 1,460 (2,920) GB-hours x $0.00356
            "fargate-memory:api": [5.2, 10.4],
            // 730 h x $0.0225
            "alb-hours:web": [16.43, 16.43],
            // max(2/25, 100/3,000, 20/730, 0) = 0.08 LCU x 730 h = 58.4 LCU-hours x $0.008
            "alb-lcu:web": [0.47, 0.47],
            // 2 nodes x 730 h x $0.005
            "public-ipv4-alb:web": [7.3, 7.3],
            // awsx Single: 1 x 730 h x $0.045
            "nat-hours:net": [32.85, 32.85],
            "public-ipv4-nat": [3.65, 3.65],
            // image layers through the S3 gateway endpoint; logs 1 GB x 2 (4) tasks + 1 GB other = 3 (5) GB x $0.045
            "nat-data": [0.14, 0.23],
            "endpoint-gateway:s3:net": [0, 0],
            // 1 GB x 2 (4) tasks x $0.50
            "logs-ingested:api-logs": [1, 2],
            // 2 (4) GB x 30 / 30.4167 days = 1.9726 (3.9452) GB-months x $0.03
            "logs-stored:api-logs": [0.06, 0.12],
            // 8 x (1 cluster + 1 service + 1 family) + 5 x 1 + 2 = 31 metrics x $0.30
            "insights-metrics:api-cluster": [9.3, 9.3],
            // 0.07 GB x 2 (4) tasks x $0.50
            "insights-events:api-cluster": [0.07, 0.14],
            // two target tracking policies, a high and a low alarm each: 4 x $0.10
            "alarms-target-tracking": [0.4, 0.4],
            // 2 GB x $0.10
            "ecr-storage:repo": [0.2, 0.2],
        });
        assert.deepEqual(estimate(referenceStack()).total, { low: 100.71, high: 130.76 });
        assert.deepEqual(estimate(referenceStack()).unpriced, []);
    });

    it("rests on the assumptions it lists, and a flag moves them", () => {
        const cheaper = estimate(referenceStack(), parseAssumptions(["logGbPerTaskMonth=0"]));
        assert.deepEqual(monthly(cheaper)["logs-ingested:api-logs"], [0, 0]);
        assert.deepEqual(
            cheaper.assumptions.find((a) => a.key === "logGbPerTaskMonth"),
            { key: "logGbPerTaskMonth", value: 0, description: cheaper.assumptions[5].description, overridden: true },
        );
        assert.equal(
            estimate(referenceStack()).assumptions.every((a) => !a.overridden),
            true,
        );
    });
});

describe("the cost levers", () => {
    it("NAT strategy: None, Single and OnePerAz cost no, one and one per zone gateway with its address", () => {
        // A gateway-month is 730 h x ($0.045 + $0.005 address) = $36.50; None also drops NAT data (3 to 5 GB).
        assert.deepEqual(lever(referenceStack({ natStrategy: "None" })), [-36.64, -36.73]);
        assert.deepEqual(lever(referenceStack({ natStrategy: "OnePerAz", zones: 3 })), [73, 73]);
        // awsx's own default is OnePerAz (pulumi-awsx awsx/ec2/vpc.ts).
        assert.deepEqual(lever(referenceStack({ natStrategy: undefined })), [36.5, 36.5]);
    });

    it("endpoints: the S3 gateway endpoint keeps image pulls off NAT; a logs endpoint trades NAT data for zone-hours", () => {
        // Without the S3 gateway, image pulls (0.1 GB x 20 deploys) x 2 (4) tasks = 4 (8) GB more through NAT.
        assert.deepEqual(lever(referenceStack({ endpoints: [] })), [0.18, 0.36]);
        const withLogs = referenceStack({
            endpoints: [
                ...referenceStackEndpoints(),
                { serviceName: "com.amazonaws.us-east-1.logs", vpcEndpointType: "Interface" },
            ],
        });
        // + 2 zones x 730 h x $0.01 = $14.60, + 2 (4) GB x $0.01, - 2 (4) GB x $0.045 of NAT data
        assert.deepEqual(lever(withLogs), [14.53, 14.46]);
        const lines = monthly(estimate(withLogs));
        assert.deepEqual(lines["endpoint-hours:logs:net"], [14.6, 14.6]);
        assert.deepEqual(lines["endpoint-data:logs:net"], [0.02, 0.04]);
    });

    it("architecture: x86_64 tasks cost the x86 rates, ARM64 the lower ARM ones", () => {
        // vCPU: 730 (1,460) h x ($0.04048 - $0.03238); memory: 1,460 (2,920) GB-h x ($0.004445 - $0.00356)
        assert.deepEqual(lever(referenceStack({ architecture: "X86_64" })), [7.2, 14.41]);
    });

    it("task counts: the minimum moves the low end, the maximum the high end", () => {
        assert.deepEqual(
            lever(referenceStack({ maxCount: 8 })).map((delta) => delta > 0),
            [false, true],
        );
        assert.deepEqual(lever(referenceStack({ maxCount: 8 }))[0], 0);
        assert.deepEqual(
            lever(referenceStack({ minCount: 3 })).map((delta) => delta > 0),
            [true, false],
        );
        // A third task at the low end: vCPU $35.46 - $23.64, memory $7.80 - $5.20, logs ingested +$0.50 and stored
        // $0.09 - $0.06, performance events $0.11 - $0.07, NAT data (4 GB) $0.18 - $0.14: +$15.03
        assert.deepEqual(lever(referenceStack({ minCount: 3 }))[0], 15.03);
    });

    it("Container Insights: off saves its 31 metrics and its performance events", () => {
        assert.deepEqual(lever(referenceStack({ containerInsights: "disabled" })), [-9.37, -9.44]);
    });

    it("log retention: the storage kept grows with the days kept", () => {
        // 90 days keeps 5.9178 (11.8356) GB-months: $0.18 ($0.36) instead of $0.06 ($0.12)
        assert.deepEqual(lever(referenceStack({ retentionInDays: 90 })), [0.12, 0.24]);
    });

    it("public IPs: tasks with a public IP each pay for an address", () => {
        // 730 h x 2 (4) tasks x $0.005; their traffic no longer goes through NAT (3 to 5 GB less)
        assert.deepEqual(lever(referenceStack({ publicIp: true })), [7.16, 14.37]);
    });
});

function referenceStackEndpoints() {
    return [{ serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" }];
}

describe("what the stack will add soon, priced by type token", () => {
    it("prices Route 53, WAF, S3, alarms, ACM, SSM and Secrets Manager resources", () => {
        const lb = { type: "aws:lb/loadBalancer:LoadBalancer" };
        const extra = [
            resource("aws:route53/zone:Zone", "zone", {}),
            resource("aws:route53/record:Record", "alias-a", { aliases: [{ name: lb.type }] }),
            resource("aws:wafv2/webAcl:WebAcl", "acl", { rules: [{ name: "common" }, { name: "rate" }] }),
            resource("aws:s3/bucket:Bucket", "access-logs", {}),
            resource("aws:cloudwatch/metricAlarm:MetricAlarm", "errors", { period: 60 }),
            resource("aws:cloudwatch/metricAlarm:MetricAlarm", "latency", { period: 10 }),
            resource("aws:acm/certificate:Certificate", "cert", {}),
            resource("aws:ssm/parameter:Parameter", "flag", { tier: "Standard" }),
            resource("aws:secretsmanager/secret:Secret", "db", {}),
            resource("aws:ec2/vpcEndpoint:VpcEndpoint", "ecr-api", {
                serviceName: "com.amazonaws.us-east-1.ecr.api",
                vpcEndpointType: "Interface",
                subnetIds: ["subnet-a", "subnet-b", "subnet-c"],
            }),
        ];
        const lines = monthly(estimate(referenceStack({}, extra)));
        assert.deepEqual(lines["route53-zone:zone"], [0.5, 0.5]);
        assert.deepEqual(lines["route53-queries:alias-a"], [0, 0]);
        assert.deepEqual(lines["waf-acl:acl"], [5, 5]);
        assert.deepEqual(lines["waf-rules:acl"], [2, 2]);
        // 5 requests/s x 3,600 s x 730 h = 13.14 million x $0.60
        assert.deepEqual(lines["waf-requests:acl"], [7.88, 7.88]);
        assert.deepEqual(lines["s3-storage:access-logs"], [0.02, 0.02]);
        assert.deepEqual(lines.alarms, [0.1, 0.1]);
        assert.deepEqual(lines["alarms-high-resolution"], [0.3, 0.3]);
        assert.deepEqual(lines["acm:cert"], [0, 0]);
        assert.deepEqual(lines["ssm:flag"], [0, 0]);
        assert.deepEqual(lines["secret:db"], [0.4, 0.4]);
        // 3 subnets x 730 h x $0.01
        assert.deepEqual(lines["endpoint-hours:ecr.api:ecr-api"], [21.9, 21.9]);
    });

    it("lists what it cannot price and leaves it out of the total, never silently", () => {
        const extra = [
            resource("aws:route53/record:Record", "validation", { type: "CNAME", records: ["x.acm-validations.aws."] }),
            resource("aws:sqs/queue:Queue", "jobs", {}),
            resource("aws:lb/loadBalancer:LoadBalancer", "nlb", { loadBalancerType: "network", subnets: ["a"] }),
        ];
        const result = estimate(referenceStack({}, extra));
        assert.equal(monthly(result)["route53-queries:validation"], null);
        assert.deepEqual(result.total, estimate(referenceStack()).total);
        assert.deepEqual(result.unpriced, [
            "Route 53 standard queries (validation): no price in the table",
            "nlb: a network load balancer, which the table has no price for",
            "aws:sqs/queue:Queue jobs: a type the estimate has no price for",
        ]);
    });
});
