// The prod stack (Pulumi.yaml + Pulumi.prod.yaml) as the program declares it, run under mocked providers.
import * as assert from "node:assert/strict";
import { before, describe, it } from "node:test";
import {
    accessLogResourceCounts,
    addCounts,
    blueGreenResourceCounts,
    coreResourceCounts,
    describeOutputs,
    httpsOnDomainResourceCounts,
    resourceCounts,
} from "./stackOutputs";
import { describeBlueGreen } from "./deploymentChecks";
import { describeSecurityInvariants } from "./securityInvariants";
import { StackRun, runStack, tokens } from "./stackRun";
import { componentTypes } from "../../tools/resourceTypes";
import { creationOrderFindings } from "../../tools/checks/creationOrder";
import { toSnapshot } from "../../tools/plan/model/snapshot";
import { tlsPolicy } from "../../infra/loadBalancer/loadBalancer";

let stack: StackRun;
before(async () => {
    stack = await runStack("prod");
});

describe("prod resource graph", () => {
    it("declares the core resources plus an awsx VPC with its endpoints, autoscaling, HTTPS on its domain, access logs and blue/green deployments", () => {
        assert.deepEqual(resourceCounts(stack), {
            ...addCounts(
                coreResourceCounts,
                httpsOnDomainResourceCounts,
                accessLogResourceCounts,
                blueGreenResourceCounts,
            ),
            [componentTypes.awsxVpc]: 1,
            [tokens.defaultSecurityGroup]: 1,
            [tokens.securityGroup]: 3,
            [tokens.ingressRule]: 6,
            [tokens.vpcEndpoint]: 3,
            "fargate-service:infra:ServiceAutoscaling": 1,
            [tokens.scalingTarget]: 1,
            [tokens.scalingPolicy]: 2,
        });
    });

    it("leaves no creation order to chance (the check over the recorded dependency graph)", () => {
        assert.deepEqual(creationOrderFindings(toSnapshot(stack.run, {}, { value: "", source: "placeholder" })), []);
    });
});

describeSecurityInvariants(() => stack, { containerPort: 8080, buildsImage: true });

describe("Network (prod)", () => {
    const vpc = () => stack.one(componentTypes.awsxVpc);

    it("has awsx build a dedicated VPC with DNS from the configured block, over two zones", () => {
        const inputs = vpc().inputs;
        assert.deepEqual(
            [inputs.cidrBlock, inputs.numberOfAvailabilityZones, inputs.enableDnsHostnames, inputs.enableDnsSupport],
            ["10.0.0.0/16", 2, true, true],
        );
        assert.equal(stack.invoked("aws:ec2/getVpcs:getVpcs"), false);
    });

    it("keeps the zones independent without NAT gateways: tasks reach ECR, S3 and CloudWatch Logs through endpoints", () => {
        assert.deepEqual(vpc().inputs.natGateways, { strategy: "None" });
        assert.deepEqual(vpc().inputs.vpcEndpointSpecs, [
            { serviceName: "com.amazonaws.us-east-1.s3", vpcEndpointType: "Gateway" },
        ]);
        assert.deepEqual(
            stack.all(tokens.vpcEndpoint).map((endpoint) => [endpoint.inputs.serviceName, endpoint.inputs.subnetIds]),
            ["ecr.api", "ecr.dkr", "logs"].map((suffix) => [
                `com.amazonaws.us-east-1.${suffix}`,
                vpc().outputs.privateSubnetIds,
            ]),
        );
    });

    it("runs tasks in the private subnets without public IPs, and the load balancer in the public ones", () => {
        const network = stack.one(tokens.service).inputs.networkConfiguration as Record<string, unknown>;
        assert.equal(network.assignPublicIp, false);
        assert.deepEqual(network.subnets, vpc().outputs.privateSubnetIds);
        assert.deepEqual(stack.one(tokens.loadBalancer).inputs.subnets, vpc().outputs.publicSubnetIds);
        for (const group of stack.all(tokens.targetGroup)) {
            assert.equal(group.inputs.vpcId, vpc().outputs.vpcId);
        }
    });

    it("serves HTTPS on app.example.com with the certificate ACM issues once its DNS record validates it", () => {
        const certificate = stack.one(tokens.certificate);
        const validation = stack.one(tokens.certificateValidation);
        const record = stack.where(tokens.dnsRecord, "type", "CNAME")[0];
        assert.deepEqual(
            [certificate.inputs.domainName, certificate.inputs.validationMethod],
            ["app.example.com", "DNS"],
        );
        assert.deepEqual(validation.inputs.validationRecordFqdns, [record.outputs.fqdn]);
        const https = stack.where(tokens.listener, "port", 443)[0].inputs;
        assert.deepEqual(
            [https.protocol, https.sslPolicy, https.certificateArn],
            ["HTTPS", tlsPolicy, validation.outputs.certificateArn],
        );
        assert.ok(stack.invoked("aws:route53/getZone:getZone"));
    });

    it("answers plain HTTP with a permanent redirect to HTTPS", () => {
        assert.deepEqual(stack.where(tokens.listener, "port", 80)[0].inputs.defaultActions, [
            { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } },
        ]);
    });

    it("keeps access logs for 90 days in a private bucket that outlives a destroy, written only by ELB", () => {
        const alb = stack.one(tokens.loadBalancer);
        assert.equal(
            (alb.inputs.accessLogs as Record<string, unknown>).bucket,
            stack.one(tokens.bucket).outputs.bucket,
        );
        assert.ok(alb.dependencies.includes(stack.one(tokens.bucketPolicy).urn));
        assert.equal(stack.one(tokens.bucket).inputs.forceDestroy, false);
        assert.equal((stack.one(tokens.bucketLifecycle).inputs.rules as any[])[0].expiration.days, 90);
        const statements = JSON.parse(String(stack.one(tokens.bucketPolicy).inputs.policy)).Statement as any[];
        assert.deepEqual(
            statements.filter((statement) => statement.Effect === "Allow").map((statement) => statement.Principal),
            [{ Service: "logdelivery.elasticloadbalancing.amazonaws.com" }],
        );
        assert.equal(stack.one(tokens.bucketPublicAccessBlock).inputs.restrictPublicBuckets, true);
    });

    it("has no web ACL unless waf is turned on, and passes the container no secrets", () => {
        assert.deepEqual(stack.all(tokens.webAcl), []);
        assert.equal("secrets" in stack.container(), false);
    });
});

describe("ImageRegistry (prod)", () => {
    it("keeps its repository when the stack is destroyed while images remain", () => {
        assert.equal(stack.one(tokens.repository, "registry-repo").inputs.forceDelete, false);
        assert.equal(stack.one(tokens.repository, "registry-repo").inputs.name, "fargate-service-prod");
    });
});

describe("FargateService (prod)", () => {
    it("keeps logs for 90 days", () => {
        assert.equal(stack.one(tokens.logGroup).inputs.retentionInDays, 90);
        assert.ok(
            stack
                .container()
                .environment.some(
                    (variable: Record<string, string>) =>
                        variable.name === "APP_ENVIRONMENT" && variable.value === "prod",
                ),
        );
    });

    it("scales the service between 2 and 6 tasks", () => {
        const target = stack.one(tokens.scalingTarget).inputs;
        const cluster = stack.one(tokens.cluster).outputs.name;
        const service = stack.one(tokens.service).outputs.name;
        assert.deepEqual([target.minCapacity, target.maxCapacity], [2, 6]);
        assert.deepEqual(
            [target.serviceNamespace, target.scalableDimension, target.resourceId],
            ["ecs", "ecs:service:DesiredCount", `service/${cluster}/${service}`],
        );
    });

    it("tracks 60 % average CPU and 1000 requests per task per minute", () => {
        const policies = stack.all(tokens.scalingPolicy).map((policy) => policy.inputs);
        const tracking = policies.map(
            (policy) => policy.targetTrackingScalingPolicyConfiguration as Record<string, any>,
        );
        assert.ok(policies.every((policy) => policy.policyType === "TargetTrackingScaling"));
        const label = `${stack.one(tokens.loadBalancer).outputs.arnSuffix}/${stack.one(tokens.targetGroup, "web-tg").outputs.arnSuffix}`;
        assert.deepEqual(
            tracking.map((config) => [config.predefinedMetricSpecification, config.targetValue]),
            [
                [{ predefinedMetricType: "ECSServiceAverageCPUUtilization" }, 60],
                [{ predefinedMetricType: "ALBRequestCountPerTarget", resourceLabel: label }, 1000],
            ],
        );
    });

    it("leaves the running task count to autoscaling", () => {
        assert.deepEqual(stack.one(tokens.service).ignoreChanges, ["desiredCount"]);
    });

    it("puts both task roles under the prod deploy role's IAM path /fargate-service/prod/, without a boundary by default", () => {
        for (const role of stack.all(tokens.role)) {
            assert.equal(role.inputs.path, "/fargate-service/prod/");
            assert.equal(role.inputs.permissionsBoundary, undefined);
        }
    });
});

describeOutputs(() => stack, {
    scheme: "https",
    logGroupName: "/ecs/fargate-service/prod",
    domainName: "app.example.com",
});
describeBlueGreen(() => stack, { bakeTimeMinutes: 10, productionPort: 443 });
