// Checks every stack configuration shares: the shape of the graph and the stack outputs.
import * as assert from "node:assert/strict";
import { describe, it } from "node:test";
import { promiseOf, StackRun, tokens } from "./stackRun";

/** What every configuration declares: the stack, the components, the registry (its image and cache repositories, a
 * lifecycle policy each), the firewall, the load balancer with one listener, the service with its roles, and the
 * deployment alarms with their topic. A dedicated VPC, HTTPS, access logs, autoscaling and blue/green add to it
 * (the counts below are what each adds: combine them with addCounts). */
export const coreResourceCounts: Readonly<Record<string, number>> = {
    "pulumi:pulumi:Stack": 1,
    "fargate-service:infra:ImageRegistry": 1,
    "fargate-service:infra:BuildCache": 1,
    "fargate-service:infra:ImageRetention": 1,
    "fargate-service:infra:Network": 1,
    "fargate-service:infra:SecurityGroups": 1,
    "fargate-service:infra:LoadBalancer": 1,
    "fargate-service:infra:FargateService": 1,
    "fargate-service:infra:TaskRoles": 1,
    [tokens.repository]: 2,
    [tokens.lifecyclePolicy]: 2,
    [tokens.image]: 1,
    [tokens.securityGroup]: 2,
    [tokens.ingressRule]: 3,
    [tokens.egressRule]: 2,
    [tokens.loadBalancer]: 1,
    [tokens.targetGroup]: 1,
    [tokens.listener]: 1,
    [tokens.cluster]: 1,
    [tokens.logGroup]: 1,
    [tokens.role]: 2,
    [tokens.rolePolicy]: 1,
    [tokens.taskDefinition]: 1,
    [tokens.service]: 1,
    "fargate-service:infra:DeploymentAlarms": 1,
    "fargate-service:infra:AlarmTopic": 1,
    [tokens.metricAlarm]: 3,
    [tokens.snsTopic]: 1,
    [tokens.kmsKey]: 1,
    [tokens.kmsAlias]: 1,
};

/** HTTPS on a domain of the stack's own adds the HTTPS listener and its two ingress rules, the certificate ACM issues
 * with its validation record, and the alias record. */
export const httpsOnDomainResourceCounts: Readonly<Record<string, number>> = {
    "fargate-service:infra:DomainCertificate": 1,
    "fargate-service:infra:DomainRecords": 1,
    [tokens.listener]: 1,
    [tokens.ingressRule]: 2,
    [tokens.certificate]: 1,
    [tokens.certificateValidation]: 1,
    [tokens.dnsRecord]: 2,
};

/** Access logs add a bucket and its five settings. */
export const accessLogResourceCounts: Readonly<Record<string, number>> = {
    "fargate-service:infra:AccessLogBucket": 1,
    [tokens.bucket]: 1,
    [tokens.bucketOwnershipControls]: 1,
    [tokens.bucketPublicAccessBlock]: 1,
    [tokens.bucketEncryption]: 1,
    [tokens.bucketLifecycle]: 1,
    [tokens.bucketPolicy]: 1,
};
/** What deploymentStrategy blueGreen adds: the second target group, the two listener rules and ECS's role. */
export const blueGreenResourceCounts: Readonly<Record<string, number>> = {
    "fargate-service:infra:BlueGreenRouting": 1,
    "fargate-service:infra:BlueGreenRole": 1,
    [tokens.targetGroup]: 1,
    [tokens.listenerRule]: 2,
    [tokens.role]: 1,
    [tokens.rolePolicy]: 1,
};

/** The sum of resource counts, type by type. */
export function addCounts(...counts: Readonly<Record<string, number>>[]): Record<string, number> {
    const total: Record<string, number> = {};
    for (const count of counts) {
        for (const [type, n] of Object.entries(count)) {
            total[type] = (total[type] ?? 0) + n;
        }
    }
    return total;
}

/** How many resources of each type the program declared, keyed by type token. */
export function resourceCounts(stack: StackRun): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const resource of stack.resources) {
        counts[resource.type] = (counts[resource.type] ?? 0) + 1;
    }
    return counts;
}

export function describeOutputs(
    current: () => StackRun,
    expected: { scheme: "http" | "https"; logGroupName: string; domainName?: string },
): void {
    describe("stack outputs", () => {
        it("exports url, repositoryUrl, image, clusterName, serviceName, logGroupName, taskDefinitionArn and alarmTopicArn, and nothing else", () => {
            assert.deepEqual(Object.keys(current().run.outputs).sort(), [
                "alarmTopicArn",
                "clusterName",
                "image",
                "logGroupName",
                "repositoryUrl",
                "serviceName",
                "taskDefinitionArn",
                "url",
            ]);
        });

        if (expected.domainName === undefined) {
            it(`url is ${expected.scheme}:// and the load balancer's DNS name`, async () => {
                const dnsName = String(current().one(tokens.loadBalancer).outputs.dnsName);
                assert.match(dnsName, /^[a-z0-9-]+\.[a-z0-9-]+\.elb\.amazonaws\.com$/);
                assert.equal(await promiseOf(current().program.url), `${expected.scheme}://${dnsName}`);
                assert.equal(current().run.outputs.url, `${expected.scheme}://${dnsName}`);
            });
        } else {
            const domainName = expected.domainName;
            it(`url is ${expected.scheme}://${domainName}, whose alias record points at the load balancer`, async () => {
                const alb = current().one(tokens.loadBalancer).outputs;
                const alias = current().where(tokens.dnsRecord, "name", domainName);
                assert.equal(alias.length, 1);
                assert.deepEqual(alias[0].inputs.aliases, [
                    { name: alb.dnsName, zoneId: alb.zoneId, evaluateTargetHealth: true },
                ]);
                assert.equal(await promiseOf(current().program.url), `${expected.scheme}://${domainName}`);
                assert.equal(current().run.outputs.url, `${expected.scheme}://${domainName}`);
            });
        }

        it("taskDefinitionArn is the revision the service runs, alarmTopicArn the topic the alarms notify", async () => {
            const stack = current();
            const taskDefinitionArn = await promiseOf(stack.program.taskDefinitionArn);
            assert.equal(taskDefinitionArn, stack.one(tokens.taskDefinition).outputs.arn);
            assert.equal(stack.one(tokens.service).inputs.taskDefinition, taskDefinitionArn);
            const topicArn = await promiseOf(stack.program.alarmTopicArn);
            assert.equal(topicArn, stack.one(tokens.snsTopic).outputs.arn);
            for (const alarm of stack.all(tokens.metricAlarm)) {
                assert.deepEqual(alarm.inputs.alarmActions, [topicArn], `${alarm.name} notifies the topic`);
            }
        });

        it("image is the digest reference the task definition runs", async () => {
            const image = await promiseOf(current().program.image);
            assert.equal(image, current().container().image);
            assert.ok(image.startsWith(`${await promiseOf(current().program.repositoryUrl)}@sha256:`));
        });

        it("names the cluster, the service and the log group as declared", async () => {
            const stack = current();
            assert.equal(
                await promiseOf(stack.program.repositoryUrl),
                stack.one(tokens.repository, "registry-repo").outputs.repositoryUrl,
            );
            assert.equal(await promiseOf(stack.program.clusterName), stack.one(tokens.cluster).outputs.name);
            assert.equal(await promiseOf(stack.program.serviceName), stack.one(tokens.service).outputs.name);
            assert.equal(await promiseOf(stack.program.logGroupName), expected.logGroupName);
        });
    });
}
